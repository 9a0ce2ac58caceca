package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// buildBinary compiles finexport once for the end-to-end tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "finexport")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

type result struct {
	code           int
	stdout, stderr string
}

func runBinary(t *testing.T, bin, dir string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

// The binary as a user meets it: exit codes and outputs.
func TestBinaryEndToEnd(t *testing.T) {
	bin := buildBinary(t)
	filings := abs(t, "../../testdata/filings")
	raw, _ := os.ReadFile(filepath.Join(filings, "000_bb2e246abcbfccf3.txt"))
	failing := filepath.Join(t.TempDir(), "failing.txt")
	os.WriteFile(failing, bytes.Replace(raw, []byte("1,698,000"), []byte("1,798,000"), 1), 0o644)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(blocker, []byte("x"), 0o644)

	t.Run("no arguments", func(t *testing.T) {
		dir := t.TempDir()
		r := runBinary(t, bin, dir)
		if r.code != 0 || !strings.Contains(r.stdout, "Wrote out/ThermoGenesis Corp.pdf") {
			t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		for _, name := range []string{"ThermoGenesis Corp.xlsx", "ThermoGenesis Corp.pdf", "facts.csv"} {
			if st, err := os.Stat(filepath.Join(dir, "out", name)); err != nil || st.Size() == 0 {
				t.Errorf("out/%s: %v", name, err)
			}
		}
	})
	t.Run("build on a folder", func(t *testing.T) {
		dir := t.TempDir()
		r := runBinary(t, bin, dir, "build", "-o", "books", filings)
		entries, _ := os.ReadDir(filepath.Join(dir, "books"))
		if r.code != 0 || len(entries) != 2 {
			t.Errorf("exit %d, %d files\n%s", r.code, len(entries), r.stderr)
		}
	})
	t.Run("check --strict on a failing tie-out", func(t *testing.T) {
		r := runBinary(t, bin, t.TempDir(), "check", "--strict", failing)
		if r.code != 1 || !strings.Contains(r.stdout, "FAIL tie-out     Gross profit") {
			t.Errorf("exit %d\n%s", r.code, r.stdout)
		}
	})
	t.Run("build --strict still writes, then fails", func(t *testing.T) {
		dir := t.TempDir()
		r := runBinary(t, bin, dir, "build", "--strict", "-o", dir, failing)
		if _, err := os.Stat(filepath.Join(dir, "ThermoGenesis Corp.xlsx")); r.code != 1 || err != nil || !strings.Contains(r.stderr, "--strict") {
			t.Errorf("exit %d (%v)\n%s", r.code, err, r.stderr)
		}
	})
	t.Run("missing path", func(t *testing.T) {
		r := runBinary(t, bin, t.TempDir(), "build", "/no/such/release.txt")
		if r.code != 2 || !strings.Contains(r.stderr, "/no/such/release.txt: no such file or folder") {
			t.Errorf("exit %d\n%s", r.code, r.stderr)
		}
	})
	t.Run("output folder that cannot be written", func(t *testing.T) {
		r := runBinary(t, bin, t.TempDir(), "build", "-o", filepath.Join(blocker, "sub"), filings)
		if r.code != 2 || !strings.Contains(r.stderr, "not-a-folder") {
			t.Errorf("exit %d\n%s", r.code, r.stderr)
		}
	})
	t.Run("an unreadable file among good ones", func(t *testing.T) {
		dir := t.TempDir()
		bad := filepath.Join(dir, "image.txt")
		os.WriteFile(bad, []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d}, 0o644)
		r := runBinary(t, bin, dir, "build", "-o", dir, bad, filings)
		if _, err := os.Stat(filepath.Join(dir, "ThermoGenesis Corp.pdf")); r.code != 2 || err != nil || !strings.Contains(r.stderr, "image.txt: not a text file") {
			t.Errorf("exit %d (%v)\n%s", r.code, err, r.stderr)
		}
	})
	t.Run("quiet", func(t *testing.T) {
		dir := t.TempDir()
		r := runBinary(t, bin, dir, "build", "--quiet", "-o", dir, filings)
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("exit %d, printed %q %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("help on every command", func(t *testing.T) {
		for _, cmd := range []string{"build", "facts", "check", "templates"} {
			r := runBinary(t, bin, t.TempDir(), cmd, "--help")
			if r.code != 0 || !strings.Contains(r.stdout+r.stderr, "Usage: finexport "+cmd) {
				t.Errorf("%s --help: exit %d %q", cmd, r.code, r.stdout+r.stderr)
			}
		}
	})
}

// A write that fails leaves neither the file nor a temporary one.
func TestFailedWriteLeavesNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "book.xlsx")
	err := writeFileAtomic(path, func(w io.Writer) error {
		w.Write([]byte("half a workbook"))
		return errors.New("disk full")
	})
	entries, _ := os.ReadDir(dir)
	if err == nil || len(entries) != 0 {
		t.Errorf("error %v, left %d files", err, len(entries))
	}
	// An earlier complete file survives a failed rewrite untouched.
	os.WriteFile(path, []byte("complete"), 0o644)
	writeFileAtomic(path, func(w io.Writer) error { return errors.New("interrupted") })
	if data, _ := os.ReadFile(path); string(data) != "complete" {
		t.Errorf("the earlier file became %q", data)
	}
}

// Every finexport command in the README runs as written, so the README
// cannot drift from the program.
func TestREADMECommands(t *testing.T) {
	fh, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	work := t.TempDir()
	if err := os.Symlink(abs(t, "../../testdata"), filepath.Join(work, "testdata")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	ran := 0
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		rest, ok := strings.CutPrefix(line, "go run ./cmd/finexport")
		if !ok || !strings.HasPrefix(sc.Text(), "    ") {
			continue
		}
		args := strings.Fields(rest)
		if i := indexOf(args, ">"); i >= 0 {
			args = args[:i] // output redirection
		}
		if i := indexOf(args, "&&"); i >= 0 {
			args = args[:i]
		}
		code, _, errs := runT(t, args...)
		if code != 0 {
			t.Errorf("README: %q exits %d: %s", line, code, errs)
		}
		ran++
	}
	if ran < 6 {
		t.Errorf("ran %d README commands; the README lost its examples?", ran)
	}
}

func indexOf(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

func TestNoProgressWithoutATerminal(t *testing.T) {
	if newProgress(&bytes.Buffer{}) != nil {
		t.Error("progress on a buffer")
	}
	r, w, _ := os.Pipe()
	defer r.Close()
	defer w.Close()
	if newProgress(w) != nil {
		t.Error("progress on a pipe")
	}
}
