"""kam-core's end-to-end job (core/examples/import_vs_peers.rs) done with polars and with DuckDB on
the same file, DIR/orders.csv: read the CSV, total revenue and profit per account and month, then
ABC (cumulative share of revenue: A below 80 %, B below 95 %) and XYZ (coefficient of variation of
the 12 monthly totals: X up to 10 %, Y up to 25 %), as kam-core's defaults. The whole job is timed,
reading included, as kam-core's time includes reading and parsing the file. Both peers use every
core they want (this machine has 2); kam-core runs on one.

Afterwards each peer's classes are checked against kam-core's (DIR/kam_core_classes.csv).
Prints "polars_ms duckdb_ms polars_mismatches duckdb_mismatches" (medians of 5 runs).
Usage: bench_peers.py DIR"""
import sys
import time

import duckdb
import numpy as np
import polars as pl

A_LIMIT, B_LIMIT = 80.0, 95.0
X_LIMIT, Y_LIMIT = 10.0, 25.0
MONTHS = 12


def classify(names, total, sumsq, any_positive):
    """ABC and XYZ from per-account figures ranked by total descending, then name: the total,
    the sum of squared monthly totals (months without orders count as 0) and whether any month
    is positive."""
    positive = np.clip(total, 0, None)
    measure_total = positive.sum()
    above = np.cumsum(positive) - positive
    abc = np.where(
        total <= 0, "C",
        np.where(above * 100 < A_LIMIT * measure_total, "A", np.where(above * 100 < B_LIMIT * measure_total, "B", "C")),
    )
    mean = total / MONTHS
    std = np.sqrt(np.clip(sumsq / MONTHS - mean * mean, 0, None))
    cv = std / np.where(mean > 0, mean, np.nan) * 100
    xyz = np.where(~any_positive | (mean <= 0), "-", np.where(cv <= X_LIMIT, "X", np.where(cv <= Y_LIMIT, "Y", "Z")))
    return dict(zip(names.tolist(), zip(abc.tolist(), xyz.tolist())))


def with_polars(path):
    df = pl.read_csv(path, try_parse_dates=True)
    monthly = df.group_by(["customer", pl.col("date").dt.month().alias("month")]).agg(
        pl.col("revenue").sum(), pl.col("profit").sum()
    )
    accounts = (
        monthly.group_by("customer")
        .agg(
            pl.col("revenue").sum().alias("total"),
            (pl.col("revenue") ** 2).sum().alias("sumsq"),
            (pl.col("revenue") > 0).any().alias("any_positive"),
        )
        .sort(["total", "customer"], descending=[True, False])
    )
    return classify(*(accounts[c].to_numpy() for c in ["customer", "total", "sumsq", "any_positive"]))


def with_duckdb(path):
    con = duckdb.connect()
    accounts = con.execute(
        "WITH monthly AS (SELECT customer, month(date) AS month, sum(revenue) AS revenue, sum(profit) AS profit "
        "FROM read_csv_auto(?) GROUP BY ALL) "
        "SELECT customer, sum(revenue) AS total, sum(revenue * revenue) AS sumsq, bool_or(revenue > 0) AS any_positive "
        "FROM monthly GROUP BY customer ORDER BY total DESC, customer",
        [path],
    ).fetchnumpy()
    con.close()
    return classify(*(np.asarray(accounts[c]) for c in ["customer", "total", "sumsq", "any_positive"]))


def median_ms(job, path):
    times, result = [], None
    for _ in range(5):
        start = time.perf_counter()
        result = job(path)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[2], result


def mismatches(result, reference):
    wrong = sum(1 for name, classes in reference.items() if result.get(name) != classes)
    return wrong + abs(len(result) - len(reference))


def main():
    folder = sys.argv[1]
    path = f"{folder}/orders.csv"
    reference = {}
    with open(f"{folder}/kam_core_classes.csv", encoding="utf-8") as f:
        next(f)
        for line in f:
            name, abc, xyz = line.rstrip("\n").rsplit(",", 2)
            reference[name] = (abc, xyz)
    polars_ms, polars_result = median_ms(with_polars, path)
    duckdb_ms, duckdb_result = median_ms(with_duckdb, path)
    print(f"{polars_ms:.1f} {duckdb_ms:.1f} {mismatches(polars_result, reference)} {mismatches(duckdb_result, reference)}")


if __name__ == "__main__":
    main()
