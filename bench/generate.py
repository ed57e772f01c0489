#!/usr/bin/env python3
"""Write deterministic benchmark Dockerfiles of about N lines each.

The content imitates real multi-stage files: ARG/ENV blocks, long RUN chains with line
continuations, heredocs, COPY --from between stages and comments. The same N always gives the
same bytes, so runs on different days compare.
"""
import random
import sys
from pathlib import Path

PACKAGES = ["curl", "ca-certificates", "git", "make", "gcc", "libssl-dev", "python3", "unzip", "jq", "tzdata"]


def stage(rng: random.Random, index: int) -> list[str]:
    lines = [f"# Stage {index}: build step {index}", f"FROM debian:bookworm-slim AS stage{index}"]
    for n in range(rng.randint(2, 5)):
        lines.append(f"ARG VERSION_{index}_{n}=1.{n}.{index}")
        lines.append(f"ENV PATH_{index}_{n}=/opt/tool{n}/bin LANG=C.UTF-8")
    packages = " \\\n        ".join(rng.sample(PACKAGES, 5))
    lines.append("RUN apt-get update \\")
    lines.append(f"    && apt-get install -y --no-install-recommends \\\n        {packages} \\")
    lines.append("    && rm -rf /var/lib/apt/lists/*")
    lines.append(f"WORKDIR /src/stage{index}")
    if index > 0:
        lines.append(f"COPY --from=stage{index - 1} /out /in")
    lines.append("RUN <<EOF")
    for n in range(rng.randint(3, 8)):
        lines.append(f"  echo \"step {n} of stage {index}\" >> /log/build.txt")
    lines.append("EOF")
    lines.append(f"RUN curl -fsSL https://example.com/tool-{index}.tar.gz -o /tmp/tool.tar.gz \\")
    lines.append("    && tar -xzf /tmp/tool.tar.gz -C /opt \\")
    lines.append("    && rm -f /tmp/tool.tar.gz")
    lines.append(f"RUN make -C /src/stage{index} all")
    lines.append(f"RUN make -C /src/stage{index} install")
    lines.append("")
    return lines


def dockerfile(target_lines: int) -> str:
    rng = random.Random(target_lines)
    lines = ["# syntax=docker/dockerfile:1", "ARG BASE=debian:bookworm-slim", ""]
    index = 0
    line_count = len(lines)
    while line_count < target_lines - 3:
        block = stage(rng, index)
        lines.extend(block)
        line_count += sum(line.count("\n") + 1 for line in block)
        index += 1
    lines.append(f"FROM stage{index - 1}")
    lines.append('CMD ["/usr/local/bin/app"]')
    return "\n".join(lines) + "\n"


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for size in (100, 5000, 50000):
        (out / f"generated-{size}.Dockerfile").write_text(dockerfile(size))


if __name__ == "__main__":
    main()
