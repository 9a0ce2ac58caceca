package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/templates"
)

// runCheck checks company by company: a first pass learns each
// release's company, then each company is read again, built and checked
// on a core of its own, so that memory holds a company per core, however
// many releases there are.
func runCheck(args []string, stdout, stderr io.Writer) int {
	c := newFlags("check", "check [flags] FILE|DIR...", stderr)
	p, code, ok := c.parse(args, stderr)
	if !ok {
		return code
	}
	inputs, clean, ok := c.inputs(stderr)
	if !ok {
		return exitUsage
	}
	g := groupReleases(p, inputs, c.quiet, stderr)
	if len(g.order) == 0 {
		return exitUsage
	}
	t := tally{clean: clean && g.clean}
	opts := model.Options{Templates: p.Templates, FiscalYearEnd: p.FiscalYearEnd}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // limitMemory's, for this run only
	limitMemory(g.inFlight(companyWorkerCount()))
	failed := 0
	var diags []extract.Diagnostic
	eachCompany(g.order, func(k string) *companyRun { return g.reread(p, k, opts) }, func(r *companyRun) {
		if t.take(r, stderr) {
			failed += printChecks([]*model.Company{r.c}, stdout)
			diags = append(diags, r.c.Diagnostics...)
		}
	})
	if !c.quiet {
		printDiagnostics(append(diags, t.notes...), stderr)
	}
	switch {
	case !t.clean:
		return exitUsage
	case failed > 0:
		return exitFailed
	case c.strict && yearEndContradicted(t.contradicts, opts.FiscalYearEnd, stderr):
		return exitFailed
	}
	return exitOK
}

// printChecks lists every check of every company, each source as
// file:line, and returns how many failed. A check that could not run is
// listed with the reason; a company where none ran says so, never PASS.
func printChecks(companies []*model.Company, out io.Writer) int {
	w := bufio.NewWriter(out) // a total over a long table lists thousands of sources
	defer w.Flush()
	failed := 0
	for _, c := range companies {
		fmt.Fprintf(w, "%s: %s\n", c.Name, statusText(c.Status()))
		for _, ch := range c.Checks {
			period := "-"
			if !ch.Period.IsZero() {
				period = c.Calendar.Name(ch.Period).Name
			}
			if ch.Status == extract.NotRun {
				fmt.Fprintf(w, "  %s %-11s %-50s %-11s stated %s: %s\n", "not run", ch.Kind, ch.Name, period, model.Grouped(ch.Stated), ch.Reason)
				printSources(w, ch.Sources)
				continue
			}
			status := "ok  "
			if ch.Status == extract.Fail {
				status = "FAIL"
			}
			fmt.Fprintf(w, "  %s %-11s %-50s %-11s stated %s computed %s diff %s tol %s\n", status, ch.Kind, ch.Name, period,
				model.Grouped(ch.Stated), model.Grouped(ch.Computed.Round(4)), model.Grouped(ch.Difference.Round(4)), model.Grouped(ch.Tolerance))
			printSources(w, ch.Sources)
		}
		fmt.Fprintf(w, "  %s\n", countsText(c))
		_, fail, _ := c.CheckCounts()
		failed += fail
	}
	return failed
}

// printSources writes a check's sources on one indented line, file:line
// apart by spaces, as it goes: a total over a long table reads thousands.
func printSources(w *bufio.Writer, srcs []extract.Source) {
	w.WriteString("       ")
	for i, s := range srcs {
		if i > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(s.String())
	}
	w.WriteByte('\n')
}

// statusText is a company's check status in words.
func statusText(s extract.CheckStatus) string {
	if s == extract.NotRun {
		return "NO CHECK RAN"
	}
	return strings.ToUpper(string(s))
}

// countsText counts a company's checks: "12 passed, 0 failed, 2 not run",
// or says that none ran.
func countsText(c *model.Company) string {
	pass, fail, notRun := c.CheckCounts()
	switch {
	case pass+fail > 0:
	case notRun > 0:
		return fmt.Sprintf("no check ran: %d could not run", notRun)
	default:
		return "no check ran: nothing in the releases could be checked"
	}
	return fmt.Sprintf("%d passed, %d failed, %d not run", pass, fail, notRun)
}

// printSummary says what was found, a few lines per company.
func printSummary(companies []*model.Company, w io.Writer) {
	for _, c := range companies {
		var names []string
		for _, p := range c.Periods {
			if p.Kind != model.Instant {
				names = append(names, p.Name)
			}
		}
		fmt.Fprintf(w, "%s: %d releases; checks: %s\n", c.Name, len(c.Documents), countsText(c))
		fmt.Fprintf(w, "  periods: %s\n", strings.Join(names, ", "))
		var dates []string
		for _, p := range c.BalanceDates() {
			dates = append(dates, p.Name)
		}
		if len(dates) > 0 {
			fmt.Fprintf(w, "  balance sheets: %s\n", strings.Join(dates, ", "))
		}
	}
}

func loadTemplates(dir string) (*templates.Set, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("finexport: --templates: %w", pathError(dir, err))
	}
	return templates.LoadDir(dir)
}

func parseMonthDay(s string) (time.Time, error) {
	d, err := time.Parse("01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("want MM-DD, such as 06-30: %q", s)
	}
	return time.Date(2000, d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), nil
}

// writeFileAtomic writes path whole or not at all: into a temporary file
// beside it, renamed over it when complete. The temporary file is created
// with the permissions the user's umask gives a new file, and named so
// that one a killed run left behind is known and cleared (see
// clearStaleTemps).
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := writeTemp(path, write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// writeTemp writes a temporary file beside path, to be renamed to it, and
// returns its name; on failure it leaves nothing behind.
func writeTemp(path string, write func(io.Writer) error) (string, error) {
	var tmp *os.File
	var err error
	for try := 0; try < 100; try++ {
		name := filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s%s%d-%d", filepath.Base(path), tempMark, os.Getpid(), tempSeq.Add(1)))
		tmp, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", err
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// tempMark is in the name of every temporary file finexport writes.
const tempMark = ".finexport-tmp-"

var tempSeq atomic.Int64

// clearStaleTemps removes, from an output folder, the temporary files a
// run that was killed left there: finexport's own, older than an hour
// (a run writing beside this one is never touched).
func clearStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), tempMark) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// runTemplates writes the embedded definitions to a folder, for editing
// and use with --templates. It never overwrites a file.
func runTemplates(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, "Usage: finexport templates DIR\n\nWrites items.txt, synonyms.txt, checks.txt and metrics.txt to DIR.\nEdit them, then pass --templates DIR to facts or check.")
		if len(args) == 1 && (args[0] == "-h" || args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	dir := args[0]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(stderr, "finexport:", err)
		return exitUsage
	}
	for _, name := range []string{templates.ItemsFile, templates.SynonymsFile, templates.ChecksFile, templates.MetricsFile} {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err == nil {
			fmt.Fprintf(stderr, "finexport: %s exists; not overwritten\n", path)
			return exitUsage
		}
		data, _ := fs.ReadFile(templates.DefaultFS(), name)
		if err := writeFileAtomic(path, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			fmt.Fprintln(stderr, "finexport:", err)
			return exitUsage
		}
		fmt.Fprintln(stdout, "wrote", path)
	}
	return exitOK
}
