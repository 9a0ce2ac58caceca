package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/pdfreport"
	"finexport/workbook"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	out, paper := "out", pdfreport.Letter
	c := newFlags("build", "build [flags] FILE|DIR...", stderr)
	c.fs.StringVar(&out, "o", "out", "write the workbooks and PDFs to `DIR`")
	c.fs.StringVar(&paper, "paper", pdfreport.Letter, "PDF paper `size`: letter or a4")
	p, code, ok := c.parse(args, stderr)
	if !ok {
		return code
	}
	if paper != pdfreport.Letter && paper != pdfreport.A4 {
		fmt.Fprintf(stderr, "finexport: --paper %q: want letter or a4\n", paper)
		return exitUsage
	}
	if c.fs.NArg() == 0 {
		fmt.Fprintln(stderr, "finexport: name at least one FILE or DIR")
		return exitUsage
	}
	if strings.TrimSpace(out) == "" {
		fmt.Fprintln(stderr, "finexport: -o names no folder") // said before any file is read
		return exitUsage
	}
	inputs, errs := collectInputs(c.fs.Args())
	for _, err := range errs {
		fmt.Fprintln(stderr, "finexport:", err)
	}
	b := &builder{parser: p, opts: model.Options{Templates: p.Templates, FiscalYearEnd: p.FiscalYearEnd},
		out: out, pdf: pdfreport.Options{Paper: paper}, quiet: c.quiet, strict: c.strict, stdout: stdout, stderr: stderr,
		clean: len(errs) == 0}
	return b.run(inputs)
}

// builder writes a workbook and a PDF per company, one company at a time:
// a first pass learns which company each release belongs to; then each
// company's releases are read again, built, written and released, so that
// memory holds one company, however many there are.
type builder struct {
	parser         *extract.Parser
	opts           model.Options
	out            string
	pdf            pdfreport.Options
	quiet, strict  bool
	stdout, stderr io.Writer
	clean          bool
	used           map[string]bool // file names this run wrote, in lower case
}

func (b *builder) run(inputs []input) int {
	var progress func(done, total int)
	if !b.quiet {
		progress = newProgress(b.stderr)
	}
	keys := make([]string, len(inputs))
	sums := make([]string, len(inputs))
	var noStatements []*extract.Filing
	var mu sync.Mutex
	parseEach(b.parser, inputs, progress, func(i int, f *extract.Filing, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			fmt.Fprintln(b.stderr, "finexport:", err)
			b.clean = false
			return
		}
		keys[i], sums[i] = model.Key(f), f.SHA256
		if len(f.Tables) == 0 {
			noStatements = append(noStatements, &extract.Filing{File: f.File, Facts: f.Facts})
		}
	})
	groups := map[string][]input{}
	var order []string
	first := map[string]string{} // SHA-256 -> the first name read
	for i, k := range keys {
		if k == "" {
			continue
		}
		if name, ok := first[sums[i]]; ok {
			fmt.Fprintln(b.stderr, sameFileNote(inputs[i].Name, name))
			continue // a file reached twice (a link) counts once
		}
		first[sums[i]] = inputs[i].Name
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], inputs[i])
	}
	if len(order) == 0 {
		return exitUsage
	}
	if err := os.MkdirAll(b.out, 0o755); err != nil {
		fmt.Fprintln(b.stderr, "finexport:", err)
		return exitUsage
	}
	clearStaleTemps(b.out)
	sort.Strings(order)
	sumOf := map[string]string{}
	for i, in := range inputs {
		sumOf[in.Name] = sums[i]
	}
	afterFirstPass()
	failed, warnings := 0, 0
	for _, k := range order {
		filings := b.reread(groups[k], sumOf)
		if len(filings) == 0 {
			continue // every release of it vanished or changed: said above
		}
		c := model.BuildOne(filings, b.opts)
		written, err := b.write(c)
		if !b.quiet {
			for _, p := range written {
				fmt.Fprintln(b.stdout, "Wrote", p)
			}
		}
		if err != nil {
			// One company that cannot be written stops no other: say
			// so, go on, and exit non-zero at the end.
			fmt.Fprintln(b.stderr, "finexport:", err)
			b.clean = false
			continue
		}
		if c.Status() == extract.Fail {
			failed++
		}
		if !b.quiet {
			printSummary([]*model.Company{c}, b.stdout)
			warnings += printWarnings([]*model.Company{c}, b.stderr)
		}
	}
	if !b.quiet {
		noteNoStatements(noStatements, b.stdout)
		if warnings == 0 {
			fmt.Fprintln(b.stdout, "No warnings.")
		}
	}
	switch {
	case !b.clean:
		return exitUsage
	case b.strict && failed > 0:
		fmt.Fprintf(b.stderr, "finexport: --strict: checks fail for %d compan%s; see the Checks sheet\n", failed, map[bool]string{true: "y", false: "ies"}[failed == 1])
		return exitFailed
	}
	return exitOK
}

// afterFirstPass runs between build's two passes: a test's hook.
var afterFirstPass = func() {}

// reread reads a company's releases again. A file that can no longer be
// read, or that changed since the first pass (its SHA-256 differs), is
// reported and left out: it is never filed under a company it may no
// longer belong to.
func (b *builder) reread(inputs []input, sumOf map[string]string) []*extract.Filing {
	filings, errs, _ := parseAll(b.parser, inputs, nil, nil)
	for _, err := range errs {
		fmt.Fprintln(b.stderr, "finexport:", err)
		b.clean = false
	}
	kept := filings[:0]
	for _, f := range filings {
		if want := sumOf[f.File]; want != "" && f.SHA256 != want {
			fmt.Fprintf(b.stderr, "finexport: %s: changed while it was being read; left out\n", f.File)
			b.clean = false
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// write writes a company's workbook and PDF, each whole or not at all.
func (b *builder) write(c *model.Company) ([]string, error) {
	if b.used == nil {
		b.used = map[string]bool{}
	}
	// Names are compared as macOS and Windows do, without case; a name
	// this run wrote is never written again: the next free suffix is.
	name := safeFileName(c.Name)
	base := name
	for n := 2; b.used[strings.ToLower(base)]; n++ {
		base = fmt.Sprintf("%s-%d", name, n)
	}
	b.used[strings.ToLower(base)] = true
	var written []string
	for _, o := range []struct {
		ext   string
		write func(io.Writer) error
	}{
		{".xlsx", func(w io.Writer) error { return workbook.Write(w, c) }},
		{".pdf", func(w io.Writer) error { return pdfreport.Write(w, c, b.pdf) }},
	} {
		path := filepath.Join(b.out, base+o.ext)
		if err := writeFileAtomic(path, o.write); err != nil {
			return written, fmt.Errorf("%s: %w", path, err)
		}
		written = append(written, path)
	}
	return written, nil
}

var (
	reSeparators = regexp.MustCompile(`[/\\:*?"<>|\x00-\x1f\x7f]+`)
	reUnsafe     = regexp.MustCompile(`[^\p{L}\p{N} ._&()-]+`)
)

// deviceNames are the names Windows keeps for devices, whatever the case
// and extension.
var deviceNames = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}

// safeFileName makes a company name a file name: path separators and
// control characters become spaces, other punctuation but & ( ) . - _ is
// dropped; never a path, never hidden, never empty, at most 100 bytes.
func safeFileName(name string) string {
	s := reSeparators.ReplaceAllString(name, " ")
	s = reUnsafe.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, ". _-")
	if len(s) > 100 {
		cut := 100
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut-- // never half a letter
		}
		s = strings.TrimRight(s[:cut], ". _-")
	}
	if s == "" {
		s = "company"
	}
	if stem, _, _ := strings.Cut(s, "."); deviceNames[strings.ToLower(strings.TrimSpace(stem))] {
		s += " company"
	}
	return s
}
