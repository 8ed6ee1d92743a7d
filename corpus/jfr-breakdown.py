#!/usr/bin/env python3
"""Where the compile time of a Conduit timing run goes, from a JFR recording of one javac run.

  CONDUIT_TIMING_ONLY=conduit-only+cp CONDUIT_TIMING_JAVAC_FLAGS="-J-XX:FlightRecorderOptions:stackdepth=1024 \
    -J-XX:StartFlightRecording=filename=cp.jfr,settings=profile" corpus/time.sh 1
  jfr print --stack-depth 1000 --json --events jdk.ExecutionSample cp.jfr > cp.json
  corpus/jfr-breakdown.py cp.json

Each execution sample counts once: under a Conduit rule (by the outermost rule frame), in the rest of
Error Prone's scanner, in Conduit's processor, in javac's annotation-processing rounds, or else in
the javac phase (JavaCompiler.<phase>) on its stack. Without --stack-depth, jfr print keeps only 5
frames, and without stackdepth JFR records only 64: javac's stacks are deeper than either.
"""
import collections
import json
import sys

events = json.load(open(sys.argv[1]))["recording"]["events"]
total = len(events)
where = collections.Counter()
rules = collections.Counter()
for event in events:
    frames = [
        (f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
        for f in event["values"]["stackTrace"]["frames"]
    ]
    rule = [f for f in frames if f.startswith("dev.conduit.errorprone.")]
    errorprone = [f for f in frames if f.startswith("com.google.errorprone.")]
    if rule:
        where["Error Prone scanner: inside Conduit rules"] += 1
        name = rule[-1].split(".")
        rules[name[3] + "." + name[4].split("$")[0]] += 1
    elif errorprone:
        where["Error Prone scanner: its own infrastructure"] += 1
        rules["(Error Prone) " + errorprone[0].rsplit(".", 1)[0].split(".")[-1]] += 1
    elif any(f.startswith("dev.conduit.processor.") for f in frames):
        where["Conduit processor"] += 1
    elif any("JavacProcessingEnvironment" in f for f in frames):
        where["javac annotation-processing rounds"] += 1
    else:
        phase = [f for f in frames if f.startswith("com.sun.tools.javac.main.JavaCompiler.")]
        where["javac " + (phase[0].split(".")[-1] if phase else "(other)")] += 1

print(f"{total} execution samples")
for name, n in where.most_common():
    print(f"{n:6d} {100 * n / total:5.1f}%  {name}")
print("Conduit rules (outermost frame) and Error Prone's own classes (innermost frame):")
for name, n in rules.most_common(30):
    print(f"{n:6d} {100 * n / total:5.1f}%  {name}")
