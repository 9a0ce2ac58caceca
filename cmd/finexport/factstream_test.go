package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"finexport/extract"
	"finexport/extract/synthetic"
)

// TestFactsStreamInInputOrder: facts on a folder of more releases than one
// batch reads at once, long and short, with a file repeated, writes
// exactly what parsing each release in turn and writing its facts would:
// in input order, the repeated file once.
func TestFactsStreamInInputOrder(t *testing.T) {
	dir := t.TempDir()
	var names []string
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	files, _ := filepath.Glob("../../testdata/filings/*.txt")
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		write(filepath.Base(f), data)
		if i == 0 {
			write("zz-again.txt", data) // the same file as the first
		}
	}
	for i, rows := range []int{2000, 50, 3000, 10, 700} {
		d := synthetic.Big(int64(i+1), rows, 40)
		write(string(rune('a'+i))+"-big.txt", d.Data)
	}
	var want bytes.Buffer
	fw, _ := extract.NewFactsWriter(&want)
	seen := map[string]bool{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries { // the walk's order: by name
		path := filepath.Join(dir, e.Name())
		data, _ := os.ReadFile(path)
		f, err := (&extract.Parser{}).Parse(bytes.NewReader(data), path)
		if err != nil {
			t.Fatal(err)
		}
		if !seen[f.SHA256] {
			seen[f.SHA256] = true
			if err := fw.Write(f.Facts); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := fw.Flush(); err != nil {
		t.Fatal(err)
	}
	if len(names) <= 2*runtime.GOMAXPROCS(0) {
		t.Fatalf("%d releases: no more than one batch", len(names))
	}
	code, out, errs := runT(t, "facts", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if out != want.String() {
		t.Errorf("facts written differ from each release's facts in input order (%d bytes, want %d)", len(out), want.Len())
	}
}
