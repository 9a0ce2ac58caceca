//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A FIFO named *.txt in an input folder would hang the run: only regular
// files (and links to them) are read from folders; the others are named
// and skipped, and the rest of the folder is read.
func TestFolderSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../../testdata/filings/000_bb2e246abcbfccf3.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	inputs, errs := collectInputs([]string{dir})
	var names []string
	for _, in := range inputs {
		names = append(names, filepath.Base(in.Name))
	}
	if strings.Join(names, ",") != "a.txt,link.txt" {
		t.Errorf("inputs %v, want a.txt and link.txt", names)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "pipe.txt: not a regular file") {
		t.Errorf("errors %v, want one naming pipe.txt", errs)
	}
}

// A file reached by two paths (a link beside it) is read once, and the
// run says so: its figures are not counted twice.
func TestSameFileByTwoPathsReadOnce(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../../testdata/filings/000_bb2e246abcbfccf3.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runT(t, "facts", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(out, ",income,revenue,Net revenues,2003-10-01,2003-12-31,3,2500000,USD,102\r\n"); n != 1 {
		t.Errorf("the Q2 FY2004 revenue row appears %d times, want once", n)
	}
	if !strings.Contains(errs, "b.txt: note: the same file as") {
		t.Errorf("no note about the second path: %s", errs)
	}
	outDir := t.TempDir()
	if code, _, errs := runT(t, "build", "-o", outDir, dir); code != 0 || !strings.Contains(errs, "the same file as") {
		t.Errorf("build: exit %d, want 0 and a note: %s", code, errs)
	}
}
