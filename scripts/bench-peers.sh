#!/usr/bin/env bash
# bench-peers.sh: time docket against its peers (Miller, csvkit, LibreOffice,
# openpyxl) on synthetic programmes, whole process, and print a Markdown table
# with the ratios and the targets of issue 7.
#
# See usage() below, or run: scripts/bench-peers.sh --help
set -euo pipefail

# The whole script is one block, which bash reads before it runs any of it:
# editing or checking out another version of this file during a run (which
# takes minutes) must not make the running copy execute a shifted line.
{

usage() {
	cat <<'EOF'
usage: scripts/bench-peers.sh [--quick] [--help]

Builds docket and tools/synth from this checkout, writes synthetic programmes
(~1 KB session rows, see internal/synth) into a temporary directory, times
docket and each installed peer as whole processes with GNU time (/usr/bin/time
-v), RUNS times each after WARMUP untimed runs, and prints a Markdown table of
median wall time and median peak RSS, the ratio peer time / docket time, and
the target of issue 7. Progress goes to stderr, the table to stdout.

Jobs:
  CSV -> JSON, NDJSON, CSV     docket convert       vs mlr --icsv --ojson|--ojsonl|--ocsv cat
  validate                     docket validate      vs mlr --icsv --ocsv sort -f date,start
  XLSX -> CSV (Excel-like)     docket convert       vs in2csv, soffice --headless --convert-to csv,
                                                       openpyxl read-only iteration (python3)
  table                        docket table         vs mlr --icsv --opprint cat, csvlook

  --quick   skip the CSV sizes of 1,000,000 rows and more
  --help    this text

Environment (defaults in brackets):
  RUNS=3            timed runs per command; the median is reported
  WARMUP=1          untimed runs before them (warm caches, LibreOffice profile)
  CSV_SIZES="1000 100000 1000000"   rows of the CSV conversion jobs
  VALIDATE_ROWS=100000   XLSX_ROWS=100000   TABLE_ROWS=1000
  SEED=1            seed of the synthetic programmes
  DOCKET=path       time this docket binary instead of building one
  KEEP=1            keep the temporary directory (inputs and last outputs)
  TMPDIR=/dev/shm   where that directory goes [/tmp]: on tmpfs, a slow or busy
                    disk (gigabytes of JSON output) is not what is timed

A peer that is not installed is skipped with a message. The script installs
nothing; on Debian 12 the peers and GNU time come from (as root):
  apt-get install -y time miller csvkit libreoffice-calc-nogui python3-openpyxl

Wall time is measured around each run with bash's EPOCHREALTIME (µs; GNU
time's own clock has 10 ms steps); peak RSS and the exit status come from
/usr/bin/time -v. docket validate exits 1 when it finds errors: that counts as
a run, not a failure. Machines are noisy: compare the ratios of one run.
EOF
}

quick=0
for arg in "$@"; do
	case $arg in
	--quick) quick=1 ;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		echo "bench-peers.sh: unknown argument $arg (try --help)" >&2
		exit 2
		;;
	esac
done

RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
CSV_SIZES=${CSV_SIZES:-1000 100000 1000000}
VALIDATE_ROWS=${VALIDATE_ROWS:-100000}
XLSX_ROWS=${XLSX_ROWS:-100000}
TABLE_ROWS=${TABLE_ROWS:-1000}
SEED=${SEED:-1}
KEEP=${KEEP:-0}

for v in RUNS WARMUP VALIDATE_ROWS XLSX_ROWS TABLE_ROWS SEED; do
	if ! [[ ${!v} =~ ^[0-9]+$ ]]; then
		echo "bench-peers.sh: $v must be a number, not '${!v}'" >&2
		exit 2
	fi
done
if ((RUNS < 1)); then
	echo "bench-peers.sh: RUNS must be at least 1" >&2
	exit 2
fi
sizes=()
for n in $CSV_SIZES; do
	if ! [[ $n =~ ^[0-9]+$ ]]; then
		echo "bench-peers.sh: CSV_SIZES must hold numbers, not '$n'" >&2
		exit 2
	fi
	if ((quick && n >= 1000000)); then
		continue
	fi
	sizes+=("$n")
done

log() { printf '%s\n' "$*" >&2; }

if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -v -o /dev/null "$BASH" -c : 2>/dev/null; then
	log "bench-peers.sh: GNU time is needed at /usr/bin/time (Debian: apt-get install -y time)"
	exit 1
fi
if [[ -z ${EPOCHREALTIME:-} ]]; then
	log "bench-peers.sh: needs bash 5 or later (EPOCHREALTIME)"
	exit 1
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/docket-bench.XXXXXX")
cleanup() {
	if [[ $KEEP == 1 ]]; then
		log "kept $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "building docket and tools/synth in $tmp"
(cd "$root" && go build -o "$tmp/synth" ./tools/synth)
if [[ -n ${DOCKET:-} ]]; then
	docket=$(command -v "$DOCKET")
else
	(cd "$root" && go build -o "$tmp/docket" .)
	docket=$tmp/docket
fi

# input ROWS EXT: the path of a synthetic programme, written on first use.
input() {
	local f="$tmp/sessions-$1.$2"
	if [[ ! -e $f ]]; then
		log "writing $(basename "$f")"
		"$tmp/synth" -n "$1" -format "$2" -seed "$SEED" -o "$f"
	fi
	printf '%s\n' "$f"
}

# median: the median of the numbers on stdin.
median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

out=$tmp/out # each run's outputs; emptied before every run

# measure OKCODES CMD...: runs CMD (stdout to $out/stdout) WARMUP+RUNS times
# and sets M_TIME (median wall s), M_RSS (median peak KiB), M_CPU (median
# user+sys s) and M_STATUS ("ok" or what went wrong).
measure() {
	local ok=" $1 " code t0 t1 i
	shift
	M_TIME='' M_RSS='' M_CPU='' M_STATUS=ok
	: >"$tmp/times"
	: >"$tmp/rss"
	: >"$tmp/cpu"
	for ((i = 1; i <= WARMUP + RUNS; i++)); do
		rm -rf "$out"
		mkdir -p "$out"
		code=0
		t0=$EPOCHREALTIME
		/usr/bin/time -v -o "$tmp/time.txt" "$@" >"$out/stdout" 2>"$tmp/stderr" || code=$?
		t1=$EPOCHREALTIME
		if [[ $ok != *" $code "* ]]; then
			M_STATUS="failed (exit $code)"
			log "  failed (exit $code): $*"
			tail -n 5 "$tmp/stderr" | sed 's/^/    /' >&2
			rm -rf "$out"
			return 0
		fi
		if ((i > WARMUP)); then
			awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >>"$tmp/times"
			awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt" >>"$tmp/rss"
			awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$tmp/time.txt" >>"$tmp/cpu"
		fi
	done
	rm -rf "$out"
	M_TIME=$(median <"$tmp/times")
	M_RSS=$(median <"$tmp/rss")
	M_CPU=$(median <"$tmp/cpu")
}

secs() { awk -v s="$1" 'BEGIN { if (s >= 100) printf "%.0f", s; else if (s >= 10) printf "%.1f", s; else if (s >= 1) printf "%.2f", s; else printf "%.3f", s }'; }
mem() { awk -v k="$1" 'BEGIN { m = k / 1024; if (m >= 1024) printf "%.2f GiB", m / 1024; else printf "%.0f MiB", m }'; }
ratio() { awk -v p="$1" -v d="$2" 'BEGIN { r = p / d; if (r >= 10) printf "%.0f×", r; else printf "%.2f×", r }'; }
thousands() { printf '%s' "$1" | sed ':a; s/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta'; }
megabytes() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }

rows=()
# docket_job JOB OKCODES CMD...: measures docket for a job; later peer rows
# reuse the result.
docket_job() {
	job=$1
	shift
	log "$job: docket"
	measure "$@"
	D_TIME=$M_TIME D_RSS=$M_RSS D_CPU=$M_CPU D_STATUS=$M_STATUS
}

# peer NAME MIN_RATIO MAX_MIB TARGET OKCODES CMD...: measures a peer and adds a
# table row. MIN_RATIO (peer time / docket time) and MAX_MIB (docket's peak)
# may be "-" for no criterion; TARGET is the text shown.
peer() {
	local name=$1 min=$2 maxmib=$3 target=$4
	shift 4
	log "$job: $name"
	measure "$@"
	local pcell r met='—' why=()
	if [[ $M_STATUS == ok ]]; then
		pcell="$(secs "$M_TIME") | $(mem "$M_RSS")"
	else
		pcell="$M_STATUS | "
	fi
	r='—'
	if [[ $D_STATUS == ok && $M_STATUS == ok ]]; then
		r=$(ratio "$M_TIME" "$D_TIME")
		if [[ $min != - ]] && ! awk -v p="$M_TIME" -v d="$D_TIME" -v m="$min" 'BEGIN { exit !(p / d >= m) }'; then
			why+=(speed)
		fi
	fi
	if [[ $D_STATUS == ok && $maxmib != - ]] && ! awk -v k="$D_RSS" -v m="$maxmib" 'BEGIN { exit !(k / 1024 < m) }'; then
		why+=(memory)
	fi
	if [[ $D_STATUS != ok ]]; then
		met='no (docket failed)'
	elif ((${#why[@]})); then
		met="no ($(IFS=,; echo "${why[*]}" | sed 's/,/, /g'))"
	elif [[ $maxmib != - || ($min != - && $M_STATUS == ok) ]]; then
		met=yes
	fi
	rows+=("| $job | $(docket_cells) | $name | $pcell | $r | $target | $met |")
}

# docket_cells: docket's time, RSS and cpu cells of the current job.
docket_cells() {
	if [[ $D_STATUS == ok ]]; then
		echo "$(secs "$D_TIME") | $(mem "$D_RSS") | $(secs "$D_CPU")"
	else
		echo "$D_STATUS | | "
	fi
}

# skip NAME WHY: a peer that is not installed; WHY goes in its time cell.
skip() {
	log "$job: $1 skipped: $2"
	rows+=("| $job | $(docket_cells) | $1 | $2 | | | | |")
}

have() { command -v "$1" >/dev/null 2>&1; }

# A python3 that has openpyxl (a pyenv shim may shadow Debian's).
py=''
for p in python3 /usr/bin/python3; do
	if have "$p" && "$p" -c 'import openpyxl' 2>/dev/null; then
		py=$(command -v "$p")
		break
	fi
done

# --- CSV conversions -------------------------------------------------------
for n in "${sizes[@]}"; do
	csv=$(input "$n" csv)
	size=$(megabytes "$csv")
	if ((n >= 1000000)); then
		min=3 target='≥3× Miller, docket <100 MiB'
	else
		min=- target='docket <100 MiB (≥3× Miller at 1M rows)'
	fi
	for to in json ndjson csv; do
		case $to in
		json) docket_job "CSV→JSON $(thousands "$n") rows ($size)" 0 "$docket" convert "$csv" "$out/out.json" ;;
		ndjson) docket_job "CSV→NDJSON $(thousands "$n") rows ($size)" 0 "$docket" convert "$csv" - --to ndjson ;;
		csv) docket_job "CSV→CSV $(thousands "$n") rows ($size)" 0 "$docket" convert "$csv" "$out/out.csv" ;;
		esac
		mflag=--o$to
		[[ $to == ndjson ]] && mflag=--ojsonl
		if have mlr; then
			peer "mlr --icsv $mflag cat" "$min" 100 "$target" 0 mlr --icsv "$mflag" cat "$csv"
		else
			skip mlr "not installed (miller)"
		fi
	done
done

# --- validate --------------------------------------------------------------
csv=$(input "$VALIDATE_ROWS" csv)
docket_job "validate $(thousands "$VALIDATE_ROWS") rows" "0 1" "$docket" validate "$csv"
if have mlr; then
	peer "mlr --icsv --ocsv sort -f date,start" 1 250 'faster than Miller sort, docket <250 MiB' 0 \
		mlr --icsv --ocsv sort -f date,start "$csv"
else
	skip mlr "not installed (miller)"
fi

# --- XLSX -> CSV -----------------------------------------------------------
xlsx=$(input "$XLSX_ROWS" xlsx)
docket_job "XLSX→CSV $(thousands "$XLSX_ROWS") rows ($(megabytes "$xlsx"), shared strings)" 0 "$docket" convert "$xlsx" "$out/out.csv"
if have in2csv; then
	peer in2csv 10 200 '≥10× in2csv, docket <200 MiB' 0 in2csv "$xlsx"
else
	skip in2csv "not installed (csvkit)"
fi
if have soffice; then
	peer 'soffice --headless --convert-to csv' 3 200 '≥3× LibreOffice, docket <200 MiB' 0 \
		soffice "-env:UserInstallation=file://$tmp/lo-profile" --headless \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$out" "$xlsx"
else
	skip soffice "not installed (libreoffice-calc-nogui)"
fi
if [[ -n $py ]]; then
	peer 'openpyxl read-only iteration' - 200 'docket <200 MiB' 0 "$py" -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for row in wb.active.iter_rows(values_only=True):
    n += 1
print(n)' "$xlsx"
else
	skip openpyxl "no python3 with openpyxl (python3-openpyxl)"
fi

# --- table -----------------------------------------------------------------
csv=$(input "$TABLE_ROWS" csv)
docket_job "table $(thousands "$TABLE_ROWS") rows" 0 "$docket" table "$csv"
if have mlr; then
	peer 'mlr --icsv --opprint cat' 0.5 - 'within 2× of Miller' 0 mlr --icsv --opprint cat "$csv"
else
	skip mlr "not installed (miller)"
fi
if have csvlook; then
	peer csvlook - - '—' 0 csvlook "$csv"
else
	skip csvlook "not installed (csvkit)"
fi

# --- report ----------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
ram=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
if [[ -n ${DOCKET:-} ]]; then
	rev=$docket
else
	rev=$(cd "$root" && git describe --always --dirty 2>/dev/null || echo unknown)
fi
versions=()
have mlr && versions+=("$(mlr --version 2>&1 | head -n 1)")
have in2csv && versions+=("csvkit $(in2csv --version 2>&1 | awk '{ print $NF }')")
have soffice && versions+=("$(soffice --version 2>/dev/null | awk 'NF { print $1, $2; exit }')")
[[ -n $py ]] && versions+=("openpyxl $("$py" -c 'import openpyxl; print(openpyxl.__version__)')")

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores (${cpu:-unknown CPU}), ${ram:-unknown RAM} RAM, $(uname -sr); docket $rev ($(go version | awk '{ print $3 }')); $(IFS=';'; echo "${versions[*]:-no peers}" | sed 's/;/, /g')."
echo "Median of $RUNS run(s) after $WARMUP warm-up run(s), whole process; RSS is peak resident memory; cpu is user+system seconds; ratio is peer time / docket time (above 1: docket is faster)."
echo
echo "| job | docket s | docket RSS | docket cpu s | peer | peer s | peer RSS | ratio | target | met |"
echo "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | --- |"
printf '%s\n' "${rows[@]}"
exit
}
