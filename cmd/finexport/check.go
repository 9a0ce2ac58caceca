package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"finexport/extract"
	"finexport/templates"

	"github.com/shopspring/decimal"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	filings, clean, code, ok := loadFilings("check", args, stderr)
	if !ok {
		return code
	}
	failed := printChecks(filings, stdout)
	printWarnings(filings, stderr)
	switch {
	case !clean:
		return exitUsage
	case failed > 0:
		return exitFailed
	}
	return exitOK
}

// printChecks lists every check by company, each source as file:line, and
// returns how many failed.
func printChecks(filings []*extract.Filing, w io.Writer) int {
	names, groups := byCompany(filings)
	failed := 0
	for _, name := range names {
		fmt.Fprintf(w, "%s\n", name)
		pass, fail := 0, 0
		for _, f := range groups[name] {
			for _, c := range f.Checks {
				status := "ok  "
				if c.Status == extract.Fail {
					status = "FAIL"
					fail++
				} else {
					pass++
				}
				fmt.Fprintf(w, "  %s %-52s %-22s stated %s computed %s diff %s tol %s\n", status, c.Name, c.Period,
					group(c.Stated), group(c.Computed.Round(4)), group(c.Difference.Round(4)), group(c.Tolerance))
				srcs := make([]string, len(c.Sources))
				for i, s := range c.Sources {
					srcs[i] = s.String()
				}
				fmt.Fprintf(w, "       %s\n", strings.Join(srcs, " "))
			}
		}
		fmt.Fprintf(w, "  %d passed, %d failed\n", pass, fail)
		failed += fail
	}
	return failed
}

// printSummary says what was found, a line per company.
func printSummary(filings []*extract.Filing, w io.Writer) {
	names, groups := byCompany(filings)
	for _, name := range names {
		pass, fail := 0, 0
		periods := map[string]bool{}
		for _, f := range groups[name] {
			for _, c := range f.Checks {
				if c.Status == extract.Fail {
					fail++
				} else {
					pass++
				}
			}
			for _, t := range f.Tables {
				for _, col := range t.Columns {
					if col.Resolved {
						periods[col.Period.String()] = true
					}
				}
			}
		}
		fmt.Fprintf(w, "%s: %d releases, %d periods, checks %d passed, %d failed\n", name, len(groups[name]), len(periods), pass, fail)
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

// writeFileAtomic writes a file through a temporary file in the same
// folder and a rename, so that a failed write leaves no partial file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
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

// group writes a decimal with thousands separators: -1,223,000 or 0.0303.
func group(d decimal.Decimal) string {
	s := d.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}
