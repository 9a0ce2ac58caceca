package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestLimitMemory: the soft limit is ten times the bytes read at once,
// less the code's share, never under the floor, for the facts run only;
// GOMEMLIMIT, when set, wins.
func TestLimitMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	big := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(big, make([]byte, 10<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	for _, c := range []struct {
		in   []input
		want int64
	}{
		{[]input{{Name: big}}, 10*(10<<20) - 8<<20},
		{[]input{{Name: big}, {Data: make([]byte, 1<<20)}}, 10*(11<<20) - 8<<20},
		{[]input{{Data: []byte("small")}, {Name: "/no/such/file.txt"}}, 40 << 20},
	} {
		limitMemory(c.in)
		if got := debug.SetMemoryLimit(-1); got != c.want {
			t.Errorf("limit %d, want %d", got, c.want)
		}
	}
	// facts limits memory for its own run only.
	debug.SetMemoryLimit(math.MaxInt64)
	runT(t, "facts", big) // no release (NUL bytes), but read as a batch: the limit is set
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after facts the limit is %d, not restored", got)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(123 << 20)
	limitMemory([]input{{Name: big}})
	if got := debug.SetMemoryLimit(-1); got != 123<<20 {
		t.Errorf("GOMEMLIMIT set: limit changed to %d", got)
	}
}

// TestCheckLimitsMemory: check's and build's limit is for the companies
// they build at once, the largest (they cannot know which will run
// together): it holds while each company is read and built, and the one
// before is restored when the run ends.
func TestCheckLimitsMemory(t *testing.T) {
	g := grouping{order: []string{"a", "b", "c"}, groups: map[string][]input{
		"a": {{Name: "a1", Data: make([]byte, 3)}},
		"b": {{Name: "b1", Data: make([]byte, 2)}, {Name: "b2", Data: make([]byte, 5)}},
		"c": {{Name: "c1", Data: make([]byte, 4)}},
	}}
	for workers, want := range map[int][]string{1: {"b1", "b2"}, 2: {"b1", "b2", "c1"}, 9: {"b1", "b2", "c1", "a1"}} {
		var got []string
		for _, in := range g.inFlight(workers) {
			got = append(got, in.Name)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%d at once: in flight %v, want %v", workers, got, want)
		}
	}
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	// The sample filings weigh 27 KB: the limit is the floor, 40 MiB.
	var during []int64
	beforeReread = func() { during = append(during, debug.SetMemoryLimit(-1)) }
	defer func() { beforeReread = func() {} }()
	for _, args := range [][]string{{"check", "../../testdata/filings"}, {"build", "-o", t.TempDir(), "../../testdata/filings"}} {
		during = nil
		runT(t, args...)
		if len(during) == 0 || during[0] != 40<<20 {
			t.Errorf("%s: limit while building %v, want 40 MiB", args[0], during)
		}
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Errorf("after %s the limit is %d, not restored", args[0], got)
		}
	}
}
