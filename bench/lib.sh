# Shared by the benchmark commands (source it from the checkout's top folder).

# Compiles MODULE (dicom, emulator or service) and the modules it needs, tests included, and prints the class
# path of MODULE's test classes: its test and main classes, then its test-scope dependencies (sibling modules
# as their target/classes folders).
bench_classpath() {
  local module="$1"
  mvn -o -q -B -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
  echo "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"
}

# One line about the machine and the load it carried when the benchmark began.
bench_machine() {
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1)"
}
