"""kam-core's segmentation (core/src/analysis/segmentation.rs) done in pandas, on the data that
core/examples/segment_vs_pandas.rs wrote to DIR, computing the same outputs: revenue and profit
totals, rank (value descending, then name, then id), ABC by cumulative share, the Pareto curve,
the three shares, XYZ by the coefficient of variation with the reasons for no class, the trend
(first half against second half), the dependency flags, the ABC x XYZ matrix, the concentration
figures and the warning lines. Reading and pivoting the CSV is not timed, as kam-core's time
excludes building its input. After timing, the result is checked against kam-core's
(DIR/kam_core.csv): rank, ABC, XYZ and flags of every account must agree.

Prints the median time in milliseconds of 7 runs. Usage: bench_pandas.py DIR"""
import sys
import time

import numpy as np
import pandas as pd

# SegmentationSettings::default() in kam-core.
A_LIMIT, B_LIMIT = 80.0, 95.0
X_LIMIT, Y_LIMIT = 10.0, 25.0
KEY_SIZE, CRITICAL, MONO_CLIENT = 10.0, 20.0, 30.0
KEY_LOW, KEY_HIGH, MONO_DEPENDENCY = 30.0, 55.0, 75.0


def pct(part, total):
    return part / total * 100 if total > 0 else part * 0.0


def segment(accounts: pd.DataFrame, revenue: pd.DataFrame, profit: pd.DataFrame) -> dict:
    rev = revenue.to_numpy()
    prof = profit.to_numpy()
    periods = rev.shape[1]
    half = periods // 2
    frame = accounts.copy()
    frame["revenue"] = rev.sum(axis=1)
    frame["profit"] = prof.sum(axis=1)
    frame["value"] = frame["revenue"]  # the default measure
    # XYZ over every period (the synthetic data has no first purchase inside the window).
    mean = rev.mean(axis=1)
    cv = rev.std(axis=1, ddof=0) / np.where(mean > 0, mean, np.nan) * 100
    has_purchase = (rev > 0).any(axis=1)
    frame["cv"] = np.where(has_purchase & (periods >= 3) & (mean > 0), cv, np.nan)
    frame["xyz"] = np.select(
        [~has_purchase, periods < 3, mean <= 0, cv <= X_LIMIT, cv <= Y_LIMIT],
        ["no purchase", "too few periods", "non-positive mean", "X", "Y"],
        "Z",
    )
    first = rev[:, :half].sum(axis=1)
    second = rev[:, periods - half:].sum(axis=1)
    frame["trend"] = np.where((half > 0) & (first > 0), (second - first) / np.where(first > 0, first, 1) * 100, np.nan)

    frame = frame.sort_values(["value", "name", "id"], ascending=[False, True, True], kind="mergesort")
    frame["rank"] = np.arange(1, len(frame) + 1)
    positive = frame["value"].clip(lower=0)
    measure_total = positive.sum()
    above = positive.cumsum() - positive
    frame["abc"] = np.where(
        frame["value"] <= 0, "C",
        np.where(above * 100 < A_LIMIT * measure_total, "A", np.where(above * 100 < B_LIMIT * measure_total, "B", "C")),
    )
    pareto = pct(positive.cumsum(), measure_total)
    revenue_pos = frame["revenue"].clip(lower=0)
    profit_pos = frame["profit"].clip(lower=0)
    frame["share"] = pct(positive, measure_total)
    frame["revenue_share"] = pct(revenue_pos, revenue_pos.sum())
    frame["profit_share"] = pct(profit_pos, profit_pos.sum())
    dependency = frame["profit_share"]  # the data has profit
    frame["flags"] = (
        np.where(dependency > KEY_SIZE, "key_by_size", "")
        + np.where(dependency > CRITICAL, "|critical_dependency", "")
        + np.where(dependency > MONO_CLIENT, "|mono_client", "")
    )
    classified = frame["xyz"].isin(["X", "Y", "Z"])
    matrix = frame[classified].groupby(["abc", "xyz"])["value"].agg(["count", "sum"])
    unclassified = frame[~classified].groupby("abc")["value"].agg(["count", "sum"])
    key = frame["is_key"] == 1
    concentration = {
        "top1": pareto.iloc[min(1, len(frame)) - 1],
        "top5": pareto.iloc[min(5, len(frame)) - 1],
        "top10": pareto.iloc[min(10, len(frame)) - 1],
        "key_revenue": pct(revenue_pos[key].sum(), revenue_pos.sum()),
        "key_profit": pct(profit_pos[key].sum(), profit_pos.sum()),
        "key_count": int(key.sum()),
    }
    warnings = []
    for name, share, flags in frame.loc[dependency > CRITICAL, ["name", "profit_share", "flags"]].itertuples(index=False):
        kind = "you are close to a mono-client business" if "mono_client" in flags else "critical dependency"
        warnings.append(f"{name} brings {share:.0f} % of your profit: {kind}.")
    key_share = concentration["key_profit"]
    if concentration["key_count"] > 0 and (key_share > KEY_HIGH or key_share < KEY_LOW):
        warnings.append(f"Key accounts hold {key_share:.0f} % of your profit.")
    return {"rows": frame, "pareto": pareto, "matrix": matrix, "unclassified": unclassified,
            "concentration": concentration, "warnings": warnings}


def main() -> None:
    folder = sys.argv[1]
    accounts = pd.read_csv(f"{folder}/accounts.csv", dtype={"id": str, "name": str})
    series = pd.read_csv(f"{folder}/series.csv", dtype={"id": str})
    revenue = series.pivot(index="id", columns="period", values="revenue").reindex(accounts["id"])
    profit = series.pivot(index="id", columns="period", values="profit").reindex(accounts["id"])
    times = []
    result = None
    for _ in range(7):
        start = time.perf_counter()
        result = segment(accounts, revenue, profit)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()

    ours = result["rows"].set_index("id")
    theirs = pd.read_csv(f"{folder}/kam_core.csv", dtype={"id": str, "flags": str}, keep_default_na=False).set_index("id")
    theirs["xyz"] = theirs["xyz"].where(theirs["xyz"] != "-", "unclassified")
    ours_xyz = ours["xyz"].where(ours["xyz"].isin(["X", "Y", "Z"]), "unclassified")
    for column, mine in [("rank", ours["rank"]), ("abc", ours["abc"]), ("xyz", ours_xyz), ("flags", ours["flags"])]:
        differ = (mine.reindex(theirs.index).astype(str) != theirs[column].astype(str)).sum()
        if differ:
            sys.exit(f"pandas and kam-core disagree on {column} for {differ} accounts")
    print(f"{times[3]:.3f}")


if __name__ == "__main__":
    main()
