#!/usr/bin/env python3
"""Builds sample-teams/data-platform.git: two years of the Data Platform
team's commits (the sample roster's people), for trying work evidence:

    skillgrid evidence sample-teams/product-org-history.skillgrid \
        --repo sample-teams/data-platform.git --dry-run

Deterministic: the same script makes the same history. Needs `git`.
"""

import os
import random
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(os.path.dirname(HERE), "data-platform.git")

# Who commits to what, and how often per month, from when to when.
# (name, email, folder kind, commits a month, first month, last month)
WORK = [
    ("Tomasz Nowak", "tomasz.nowak@example.com", "k8s", 5, 0, 24),
    # Tomasz from his laptop: .mailmap makes him Tomasz.
    ("tomasz", "tomasz@laptop.local", "k8s", 2, 6, 24),
    ("Tomasz Nowak", "tomasz.nowak@example.com", "terraform", 1, 0, 24),
    ("Rebecca Stein", "rebecca.stein@example.com", "service", 2, 0, 24),
    ("Rebecca Stein", "rebecca.stein@example.com", "api", 1, 0, 24),
    ("Vikram Rao", "vikram.rao@example.com", "migrations", 3, 0, 24),
    ("Vikram Rao", "vikram.rao@example.com", "service", 4, 0, 24),
    ("Leila Karimi", "leila.karimi@example.com", "dashboards", 3, 0, 24),
    ("Leila Karimi", "leila.karimi@example.com", "service", 2, 0, 24),
    # Rated 0 in Observability, writing the alert rules lately.
    ("Grace Achieng", "grace.achieng@example.com", "alerts", 4, 18, 24),
    ("Grace Achieng", "grace.achieng@example.com", "service", 2, 6, 24),
    # Not assessed in Databases, writing migrations lately.
    ("Pedro Santos", "pedro.santos@example.com", "migrations", 3, 19, 24),
    ("Pedro Santos", "pedro.santos@example.com", "service", 4, 0, 24),
    ("Ananya Iyer", "ananya.iyer@example.com", "pipelines", 2, 0, 24),
    ("Ananya Iyer", "ananya.iyer@example.com", "service", 3, 0, 24),
    # Rated 3 in Terraform; the last Terraform change is a year and a half old.
    ("Hyun-woo Park", "hyunwoo.park@example.com", "terraform", 3, 0, 6),
    ("Hyun-woo Park", "hyunwoo.park@example.com", "service", 4, 0, 24),
    ("Björn Eriksson", "bjorn.eriksson@example.com", "service", 3, 0, 24),
    # Not on the roster.
    ("Sam Vendor", "sam@vendor.example", "service", 1, 10, 16),
]

FOLDERS = {
    "k8s": ["deploy/k8s/ingest.yaml", "deploy/k8s/query.yaml", "deploy/helm/values.yaml"],
    "terraform": ["infra/terraform/main.tf", "infra/terraform/network.tf"],
    "service": ["ingest/src/reader.py", "ingest/src/writer.py", "query/src/planner.go",
                "query/src/cache.go"],
    "api": ["api/query.proto", "api/openapi.yaml"],
    "migrations": ["db/migrations/schema.sql", "db/migrations/indexes.sql"],
    "dashboards": ["ops/grafana/ingest.json", "ops/grafana/query.json"],
    "alerts": ["ops/prometheus/alerts.yml", "ops/prometheus/rules.yml"],
    "pipelines": [".github/workflows/ci.yml", ".github/workflows/release.yml"],
}

START = datetime(2024, 12, 2, tzinfo=timezone.utc)


def month_start(months):
    year = START.year + (START.month - 1 + months) // 12
    month = (START.month - 1 + months) % 12 + 1
    return datetime(year, month, 1, tzinfo=timezone.utc)


def main():
    rng = random.Random(2026)
    commits = []
    for name, email, kind, per_month, first, last in WORK:
        for months in range(first, last):
            for _ in range(per_month):
                day = month_start(months) + timedelta(
                    days=rng.randrange(0, 27), hours=rng.randrange(8, 19),
                    minutes=rng.randrange(60))
                if day > datetime(2026, 11, 30, 18, tzinfo=timezone.utc):
                    continue
                commits.append((day, name, email, rng.choice(FOLDERS[kind])))
    commits.sort()
    files = {}
    stream = []

    def blob(path, text):
        data = text.encode()
        stream.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

    first = commits[0][0]
    stamp = int(first.timestamp()) - 3600
    stream.append(f"commit refs/heads/main\nauthor Rebecca Stein <rebecca.stein@example.com> {stamp} +0000\ncommitter Rebecca Stein <rebecca.stein@example.com> {stamp} +0000\ndata 5\nstart\n".encode())
    blob(".mailmap", "Tomasz Nowak <tomasz.nowak@example.com> <tomasz@laptop.local>\n")
    blob("README.md", "# Data platform\n\nIngest and query services.\n")
    stream.append(b"\n")
    for number, (day, name, email, path) in enumerate(commits):
        lines = files.setdefault(path, [f"# {path}", "apiVersion: apps/v1" if path.endswith(".yaml") and "k8s" in path else "", ""])
        lines.append(f"change {number} by {email.split('@')[0]}")
        if len(lines) > 40:
            del lines[3:4]
        stamp = int(day.timestamp())
        stream.append(f"commit refs/heads/main\nauthor {name} <{email}> {stamp} +0000\ncommitter {name} <{email}> {stamp} +0000\ndata 7\nchange\n".encode())
        blob(path, "\n".join(lines) + "\n")
        stream.append(b"\n")
    if os.path.exists(TARGET):
        shutil.rmtree(TARGET)
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", TARGET], check=True)
    subprocess.run(["git", "--git-dir", TARGET, "fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(["git", "--git-dir", TARGET, "gc", "-q", "--aggressive", "--prune=now"], check=True)
    # A loose ref, so the folder keeps a refs/ a checkout of this project
    # brings back (git keeps no empty folders).
    head = subprocess.run(["git", "--git-dir", TARGET, "rev-parse", "main"], check=True,
                          capture_output=True, text=True).stdout.strip()
    os.makedirs(os.path.join(TARGET, "refs", "heads"), exist_ok=True)
    with open(os.path.join(TARGET, "refs", "heads", "main"), "w") as ref:
        ref.write(head + "\n")
    for extra in ["hooks", "info", "logs", "description", "FETCH_HEAD", "packed-refs",
                  "objects/info/commit-graph",
                  *[os.path.join("objects", "pack", name)
                    for name in os.listdir(os.path.join(TARGET, "objects", "pack"))
                    if name.endswith(".bitmap")]]:
        path = os.path.join(TARGET, extra)
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)
    print(f"{TARGET}: {len(commits) + 1} commits", file=sys.stderr)


if __name__ == "__main__":
    main()
