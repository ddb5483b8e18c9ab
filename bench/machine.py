"""The machine and PostgreSQL server a benchmark ran on, for its results file (shared by the
benchmarks that run inside Django against PostgreSQL)."""

import contextlib
import os
import platform
from pathlib import Path


def describe(*, settings: tuple[str, ...], tables: tuple[str, ...]) -> dict:
    """CPU, memory, Python, the PostgreSQL version and these `settings`, the database's size, the
    sizes of these `tables` and the load average at the end."""
    from django.db import connection

    info = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}
    with contextlib.suppress(OSError):
        mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
        info["memory_gb"] = round(int(mem) / 1024 / 1024, 1)
    with contextlib.suppress(OSError):
        model = [ln for ln in Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("model name")]
        info["cpu"] = model[0].split(":", 1)[1].strip() if model else "?"
    with connection.cursor() as cur:
        cur.execute("SELECT version()")
        info["postgres"] = cur.fetchone()[0].split(" on ")[0]
        for name in settings:
            cur.execute(f"SHOW {name}")
            info[name] = cur.fetchone()[0]
        cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        info["database_size"] = cur.fetchone()[0]
        cur.execute(
            "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class WHERE relname = ANY(%s)",
            [list(tables)],
        )
        info["table_sizes"] = dict(cur.fetchall())
    with contextlib.suppress(OSError):
        info["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    return info
