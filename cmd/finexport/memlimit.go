package main

import (
	"os"
	"runtime/debug"
	"sort"
)

// Memory is bounded by what is being read. The garbage collector lets the
// heap grow to twice what it holds live before it collects: reading a
// release of one long table holds about six times its size live (its
// text, grid and rows), so the heap would reach twelve times. A soft
// limit of ten times the bytes in flight makes it collect sooner, at
// little cost while what is live fits well under it (the facts of a
// 36,000-row table: 0.70 s of CPU either way). check and build set it
// too, for the companies they build at once: a company's model holds, at
// its most, about six and a half times a long table's size (its merged
// facts, the text their labels are cut from, the checks adding it up),
// and build's workbook and PDF add little to that (their rows are
// compressed as they are written). The closer what is live comes to the
// limit, the more often the collector runs: at 36,000 rows check costs
// 10-40% more CPU, build about 60% more (2.6 -> 4.2 s).
const (
	memPerInputByte = 10
	// memFloor is the least limit: the process itself (templates, rules,
	// fonts) and the small releases most runs read need no closer
	// collecting. Under about 40 MiB a long table of 18,000 rows (3.7 MB)
	// had build collecting without pause (3 s of CPU, not 1.3).
	memFloor = 40 << 20
	// memCode is the part of the process's memory that is not the
	// runtime's (code, read-only data), left out of the limit.
	memCode = 8 << 20
)

// limitMemory sets the runtime's soft memory limit for reading the given
// inputs at once, unless GOMEMLIMIT says otherwise.
func limitMemory(in []input) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var size int64
	for _, x := range in {
		size += inputSize(x)
	}
	debug.SetMemoryLimit(max(memFloor, memPerInputByte*size-memCode))
}

// inputSize is an input's size in bytes, 0 when unknown (a FIFO).
func inputSize(in input) int64 {
	if in.Data != nil {
		return int64(len(in.Data))
	}
	if st, err := os.Stat(in.Name); err == nil && st.Mode().IsRegular() {
		return st.Size()
	}
	return 0
}

// limitMemory sets the soft memory limit for building the companies, as
// many at once as there are workers (check and build), and returns what
// restores the one before.
func (g grouping) limitMemory() (restore func()) {
	before := debug.SetMemoryLimit(-1)
	limitMemory(g.inFlight(companyWorkerCount()))
	return func() { debug.SetMemoryLimit(before) }
}

// inFlight is the most a batch of companies read at once holds: the
// releases of the largest companies, as many as are built at once.
func (g grouping) inFlight(workers int) []input {
	size := map[string]int64{}
	for _, k := range g.order {
		for _, in := range g.groups[k] {
			size[k] += inputSize(in)
		}
	}
	order := append([]string(nil), g.order...)
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	var out []input
	for _, k := range order[:min(workers, len(order))] {
		out = append(out, g.groups[k]...)
	}
	return out
}
