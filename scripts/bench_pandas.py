"""The same ABC-XYZ computation as kam-core, in pandas, on the CSV written by
core/examples/segment_vs_pandas.rs. Prints the median time in milliseconds of 7 runs (reading
the CSV is not timed, as kam-core's time excludes building its input)."""
import sys
import time

import numpy as np
import pandas as pd


def segment(wide: pd.DataFrame) -> pd.DataFrame:
    value = wide.sum(axis=1)
    order = value.reset_index().rename(columns={0: "value"})
    order = order.sort_values(["value", "account"], ascending=[False, True], kind="mergesort")
    positive = order["value"].clip(lower=0)
    total = positive.sum()
    above = positive.cumsum() - positive
    abc = np.where(order["value"] <= 0, "C", np.where(above < 0.8 * total, "A", np.where(above < 0.95 * total, "B", "C")))
    mean = wide.mean(axis=1)
    cv = wide.std(axis=1, ddof=0) / mean * 100
    xyz = np.where(cv <= 10, "X", np.where(cv <= 25, "Y", "Z"))
    xyz = pd.Series(xyz, index=wide.index).where(mean > 0, "-")
    return pd.DataFrame({"abc": abc, "xyz": xyz.loc[order["account"]].to_numpy()}, index=order["account"])


def main() -> None:
    long = pd.read_csv(sys.argv[1])
    wide = long.pivot(index="account", columns="period", values="value")
    times = []
    for _ in range(7):
        start = time.perf_counter()
        result = segment(wide)
        times.append((time.perf_counter() - start) * 1000)
        assert len(result) == len(wide)
    times.sort()
    print(f"{times[3]:.3f}")


if __name__ == "__main__":
    main()
