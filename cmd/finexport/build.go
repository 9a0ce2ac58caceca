package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/pdfreport"
	"finexport/workbook"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	out, paper := "out", pdfreport.Letter
	l, code, ok := loadFilingsWith("build", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "o", "out", "write the workbooks and PDFs to `DIR`")
		fs.StringVar(&paper, "paper", pdfreport.Letter, "PDF paper `size`: letter or a4")
	})
	if !ok {
		return code
	}
	if paper != pdfreport.Letter && paper != pdfreport.A4 {
		fmt.Fprintf(stderr, "finexport: --paper %q: want letter or a4\n", paper)
		return exitUsage
	}
	return buildAll(l, out, pdfreport.Options{Paper: paper}, stdout, stderr)
}

// buildAll merges the filings into companies, writes a workbook and a PDF
// for each, and reports: the files written, the periods, the checks, and
// the warnings. With --strict a failing check is exit 1.
func buildAll(l loaded, out string, pdfOpts pdfreport.Options, stdout, stderr io.Writer) int {
	companies := model.Build(l.filings, l.opts)
	written, err := writeOutputs(out, companies, pdfOpts)
	if !l.quiet {
		for _, p := range written {
			fmt.Fprintln(stdout, "Wrote", p)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "finexport:", err)
		return exitUsage
	}
	failed := 0
	for _, c := range companies {
		if c.Status() != extract.Pass {
			failed++
		}
	}
	if !l.quiet {
		printSummary(companies, stdout)
		noteNoStatements(l.filings, stdout)
		if n := printWarnings(companies, stderr); n == 0 {
			fmt.Fprintln(stdout, "No warnings.")
		}
	}
	switch {
	case !l.clean:
		return exitUsage
	case l.strict && failed > 0:
		fmt.Fprintf(stderr, "finexport: --strict: checks fail for %d compan%s; see the Checks sheet\n", failed, map[bool]string{true: "y", false: "ies"}[failed == 1])
		return exitFailed
	}
	return exitOK
}

// writeOutputs writes a workbook and a PDF per company into dir and
// returns the paths written. Each file is written whole or not at all.
func writeOutputs(dir string, companies []*model.Company, pdfOpts pdfreport.Options) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	used := map[string]int{}
	for _, c := range companies {
		base := safeFileName(c.Name)
		if n := used[base]; n > 0 {
			base = fmt.Sprintf("%s-%d", base, n+1)
		}
		used[safeFileName(c.Name)]++
		outputs := []struct {
			ext   string
			write func(io.Writer) error
		}{
			{".xlsx", func(w io.Writer) error { return workbook.Write(w, c) }},
			{".pdf", func(w io.Writer) error { return pdfreport.Write(w, c, pdfOpts) }},
		}
		for _, o := range outputs {
			path := filepath.Join(dir, base+o.ext)
			if err := writeFileAtomic(path, o.write); err != nil {
				return written, fmt.Errorf("%s: %w", path, err)
			}
			written = append(written, path)
		}
	}
	return written, nil
}

var (
	reSeparators = regexp.MustCompile(`[/\\:*?"<>|\x00-\x1f\x7f]+`)
	reUnsafe     = regexp.MustCompile(`[^A-Za-z0-9 ._&()-]+`)
)

// safeFileName makes a company name a file name: path separators and
// control characters become spaces, other punctuation but & ( ) . - _ is
// dropped; never a path, never hidden, never empty, at most 100 bytes.
func safeFileName(name string) string {
	s := reSeparators.ReplaceAllString(name, " ")
	s = reUnsafe.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, ". _-")
	if len(s) > 100 {
		s = strings.TrimRight(s[:100], ". _-")
	}
	if s == "" {
		s = "company"
	}
	return s
}
