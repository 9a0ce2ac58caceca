//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
	// -quiet prints no notes, this one included.
	for _, args := range [][]string{{"facts", "-quiet", dir}, {"check", "-quiet", dir}, {"build", "-quiet", "-o", t.TempDir(), dir}} {
		if _, _, errs := runT(t, args...); strings.Contains(errs, "the same file as") {
			t.Errorf("%s -quiet printed the note: %s", args[0], errs)
		}
	}
}

// Output files take the permissions the user's umask gives a new file.
func TestOutputModeFollowsUmask(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		umask int
		want  os.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}} {
		old := syscall.Umask(tt.umask)
		path := filepath.Join(dir, "out.csv")
		err := writeFileAtomic(path, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err })
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != tt.want {
			t.Errorf("umask %o: mode %v, want %v", tt.umask, st.Mode().Perm(), tt.want)
		}
	}
}

// The temporary files a killed run left in an output folder are cleared
// when they are old; a fresh one (a run writing beside) is left alone.
func TestStaleTempsCleared(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".Acme.xlsx"+tempMark+"1-1")
	fresh := filepath.Join(dir, ".Acme.pdf"+tempMark+"1-2")
	other := filepath.Join(dir, ".notes")
	for _, p := range []string{stale, fresh, other} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	clearStaleTemps(dir)
	for p, want := range map[string]bool{stale: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
