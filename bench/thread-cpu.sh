# Sourced by bench/audit.sh: the CPU of each thread of a running JVM, by what the thread does, from /proc.
# Where the CPU of an audit goes is the question every performance change starts from (the JIT compilers, the
# collector, the patient-pass workers, the main thread, the CSV parser, the workbook); this answers it in the
# benchmark's own run, without a profiler. Linux only; elsewhere it prints nothing.
#
# thread_cpu_watch PID FILE: samples every thread's user + system ticks five times a second until PID ends,
# appending "tid<TAB>name<TAB>ticks" lines to FILE (a thread's last sample counts: one that ends between two
# samples loses at most 0.2 s). Run it in the background.
thread_cpu_watch() {
  local pid="$1" file="$2"
  [ -d "/proc/$pid/task" ] || return 0
  while kill -0 "$pid" 2>/dev/null; do
    # the name is between the first "(" and the last ")" and may hold spaces; ticks are fields 14 and 15
    awk '{
      lp = index($0, "("); rp = 0
      for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { rp = i; break }
      name = substr($0, lp + 1, rp - lp - 1)
      n = split(substr($0, rp + 2), f, " ")
      print $1 "\t" name "\t" (f[12] + f[13])
    }' /proc/"$pid"/task/*/stat >>"$file" 2>/dev/null || true
    sleep 0.2
  done
}

# thread_cpu_report FILE: one line, seconds of CPU per kind of thread, largest first.
thread_cpu_report() {
  local file="$1" hz
  [ -s "$file" ] || return 0
  hz=$(getconf CLK_TCK)
  awk -F'\t' -v hz="$hz" '
    { last[$1] = $3; name[$1] = $2 }
    END {
      for (t in last) {
        n = name[t]
        if (n ~ /^C[12] CompilerThre/) k = "JIT compilers"
        else if (n ~ /^(GC Thread|G1 |VM Thread)/) k = "collector"
        else if (n ~ /^nmaudit-patient/) k = "patient-pass workers"
        else if (n == "java") k = "main thread"
        else if (n ~ /^nmaudit-parse/) k = "CSV parser"
        else if (n ~ /^nmaudit-write/) k = "workbook"
        else if (n ~ /^(nmaudit-compile|drools-)/) k = "rules (compile or cache)"
        else k = "other"
        cpu[k] += last[t] / hz
      }
      line = ""
      while (1) {
        best = ""; for (k in cpu) if (best == "" || cpu[k] > cpu[best]) best = k
        if (best == "") break
        line = line (line == "" ? "" : ", ") sprintf("%s %.1f s", best, cpu[best]); delete cpu[best]
      }
      print "CPU by thread: " line
    }' "$file"
}
