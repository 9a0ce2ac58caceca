package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
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
	if strings.TrimSpace(out) == "" {
		fmt.Fprintln(stderr, "finexport: -o names no folder") // said before any file is read
		return exitUsage
	}
	inputs, clean, ok := c.inputs(stderr)
	if !ok {
		return exitUsage
	}
	b := &builder{parser: p, opts: model.Options{Templates: p.Templates, FiscalYearEnd: p.FiscalYearEnd},
		out: out, pdf: pdfreport.Options{Paper: paper}, quiet: c.quiet, strict: c.strict, stdout: stdout, stderr: stderr,
		clean: clean}
	return b.run(inputs)
}

// builder writes a workbook and a PDF per company: a first pass learns
// which company each release belongs to; then each company's releases are
// read again, built, written and released, one company per core at a
// time, so that memory holds as many companies as there are cores,
// however many companies there are.
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
	g := groupReleases(b.parser, inputs, b.quiet, b.stderr)
	t := tally{clean: b.clean && g.clean}
	if len(g.order) == 0 {
		return exitUsage
	}
	if err := os.MkdirAll(b.out, 0o755); err != nil {
		fmt.Fprintln(b.stderr, "finexport:", err)
		return exitUsage
	}
	clearStaleTemps(b.out)
	defer g.limitMemory()()
	failed, warnings := 0, 0
	eachCompany(g.order, func(k string) *companyRun {
		r := g.reread(b.parser, k, b.opts)
		if r.c != nil {
			b.render(r)
		}
		return r
	}, func(r *companyRun) {
		if !t.take(r, b.stderr) {
			return
		}
		written, err := b.commit(r)
		if !b.quiet {
			for _, p := range written {
				fmt.Fprintln(b.stdout, "Wrote", p)
			}
		}
		if err != nil {
			// One company that cannot be written stops no other: say
			// so, go on, and exit non-zero at the end.
			fmt.Fprintln(b.stderr, "finexport:", err)
			t.clean = false
			return
		}
		if r.c.Status() == extract.Fail {
			failed++
		}
		if !b.quiet {
			printSummary([]*model.Company{r.c}, b.stdout)
			warnings += printDiagnostics(r.c.Diagnostics, b.stderr)
		}
	})
	if !b.quiet {
		printDiagnostics(t.notes, b.stdout)
		if warnings == 0 {
			fmt.Fprintln(b.stdout, "No warnings.")
		}
	}
	switch {
	case !t.clean:
		return exitUsage
	case b.strict && failed > 0:
		fmt.Fprintf(b.stderr, "finexport: --strict: checks fail for %d compan%s; see the Checks sheet\n", failed, map[bool]string{true: "y", false: "ies"}[failed == 1])
		return exitFailed
	case b.strict && yearEndContradicted(t.contradicts, b.opts.FiscalYearEnd, b.stderr):
		return exitFailed
	}
	return exitOK
}

// afterFirstPass runs between build's two passes, and beforeReread before
// each company is read again (by build and check): tests' hooks.
var afterFirstPass, beforeReread = func() {}, func() {}

// companyRun is one company read again, built and rendered to temporary
// files, waiting to be named and reported in its turn.
type companyRun struct {
	c           *model.Company       // nil when none of its releases could be read
	problems    []string             // read errors and changed files, to report
	contradicts int                  // its releases whose stated year end the one given contradicts
	notes       []extract.Diagnostic // its releases with no statements
	temps       []string             // the workbook's and the PDF's temporary files
	err         error                // rendering failed
}

// outputs are the files written per company, in the order reported.
var outputs = []string{".xlsx", ".pdf"}

// grouping is what build's and check's first pass learns: which company
// each release belongs to, and each file's SHA-256, so that the second
// pass, a company at a time, knows a file that changed in between.
type grouping struct {
	order  []string           // company keys, sorted
	groups map[string][]input // each company's releases
	sumOf  map[string]string  // file -> SHA-256 at the first pass
	clean  bool               // every file could be read
}

// groupReleases reads only the company of every release (Parser's
// CompanyOnly), on all cores, with a progress line unless quiet; read
// errors, and unless quiet files reached twice, are reported on stderr.
// Each release is read in full once, by reread.
func groupReleases(p *extract.Parser, inputs []input, quiet bool, stderr io.Writer) grouping {
	var progress func(done, total int)
	if !quiet {
		progress = newProgress(stderr)
	}
	light := *p
	light.CompanyOnly = true
	filings, errs, same := parseAll(&light, inputs, progress)
	for _, err := range errs {
		fmt.Fprintln(stderr, "finexport:", err)
	}
	if !quiet {
		printDiagnostics(same, stderr)
	}
	byName := map[string]input{}
	for _, in := range inputs {
		byName[in.Name] = in
	}
	g := grouping{groups: map[string][]input{}, sumOf: map[string]string{}, clean: len(errs) == 0}
	for _, f := range filings {
		k := model.Key(f)
		if _, ok := g.groups[k]; !ok {
			g.order = append(g.order, k)
		}
		g.groups[k] = append(g.groups[k], byName[f.File])
		g.sumOf[f.File] = f.SHA256
	}
	sort.Strings(g.order)
	afterFirstPass()
	return g
}

// tally gathers, company by company in order, what build and check report
// at the end.
type tally struct {
	contradicts int                  // releases contradicting --fiscal-year-end, for --strict
	notes       []extract.Diagnostic // on releases with no statements
	clean       bool                 // every file could be read
}

// take reports a company's read problems and keeps what it adds to the
// tally; false when none of its releases could be read.
func (t *tally) take(r *companyRun, stderr io.Writer) bool {
	for _, msg := range r.problems {
		fmt.Fprintln(stderr, "finexport:", msg)
		t.clean = false
	}
	if r.c == nil {
		return false // every release of it vanished or changed: said above
	}
	t.contradicts, t.notes = t.contradicts+r.contradicts, append(t.notes, r.notes...)
	return true
}

// companyWorkers is how many companies are built at once; 0 means one per
// core (a test's setting).
var companyWorkers = 0

// companyWorkerCount is how many companies are built at once.
func companyWorkerCount() int {
	if companyWorkers > 0 {
		return companyWorkers
	}
	return runtime.GOMAXPROCS(0)
}

// eachCompany runs work for every company on all cores and hands the
// results to done one at a time, in order: file names, messages and exit
// code are the same whatever the number of cores. At most one company per
// worker is in memory at once.
func eachCompany(order []string, work func(key string) *companyRun, done func(*companyRun)) {
	workers := companyWorkerCount()
	results := make([]chan *companyRun, len(order))
	for i := range results {
		results[i] = make(chan *companyRun, 1)
	}
	slots := make(chan struct{}, workers)
	go func() {
		for i, k := range order {
			slots <- struct{}{} // freed when company i has been handed on
			go func() { results[i] <- work(k) }()
		}
	}()
	for i := range order {
		r := <-results[i]
		done(r)
		<-slots
	}
}

// reread reads a company's releases again and builds it. A file that can
// no longer be read, or that changed since the first pass (its SHA-256
// differs), is reported and left out: it is never filed under a company
// it may no longer belong to.
//
// The releases are read one after another: companies already fill the
// cores, and one release at a time per worker bounds memory.
func (g grouping) reread(p *extract.Parser, key string, opts model.Options) *companyRun {
	beforeReread()
	if in := g.groups[key]; len(in) == 1 {
		return g.stream(p, in[0], opts)
	}
	r := &companyRun{}
	var kept []*extract.Filing
	for _, in := range g.groups[key] {
		f, err := parseOne(p, in, nil)
		switch {
		case err != nil:
			r.problems = append(r.problems, err.Error())
			continue
		case f.SHA256 != g.sumOf[in.Name]:
			r.problems = append(r.problems, f.File+": changed while it was being read; left out")
			continue
		}
		kept = append(kept, f)
		if f.ContradictsYearEnd(opts.FiscalYearEnd) {
			r.contradicts++
		}
	}
	r.notes = noStatementsNotes(kept)
	if len(kept) > 0 {
		opts.Consume = true // the filings were read for this build alone
		r.c = model.BuildOne(kept, opts)
	}
	return r
}

// stream builds the company of one release as reread does, merging its
// facts as they are made (model.Stream): they are never held twice.
func (g grouping) stream(p *extract.Parser, in input, opts model.Options) *companyRun {
	r := &companyRun{}
	s := model.NewStream(opts)
	f, err := parseStream(p, in, s.Add)
	switch {
	case err != nil:
		r.problems = append(r.problems, err.Error())
		return r
	case f.SHA256 != g.sumOf[in.Name]:
		r.problems = append(r.problems, f.File+": changed while it was being read; left out")
		return r
	}
	if f.ContradictsYearEnd(opts.FiscalYearEnd) {
		r.contradicts++
	}
	r.notes = noStatementsNote(nil, f, s.Facts())
	r.c = s.Company(f)
	return r
}

// render writes a company's workbook and PDF to temporary files.
func (b *builder) render(r *companyRun) {
	c := r.c
	write := map[string]func(io.Writer) error{
		".xlsx": func(w io.Writer) error { return workbook.Write(w, c) },
		".pdf":  func(w io.Writer) error { return pdfreport.Write(w, c, b.pdf) },
	}
	for _, ext := range outputs {
		tmp, err := writeTemp(filepath.Join(b.out, safeFileName(c.Name)+ext), write[ext])
		if err != nil {
			r.err = fmt.Errorf("%s: %w", c.Name, err)
			return
		}
		r.temps = append(r.temps, tmp)
	}
}

// commit names a rendered company's files and moves them in place, each
// whole or not at all. Names are compared as macOS and Windows do,
// without case; a name this run wrote is never written again: the next
// free suffix is.
func (b *builder) commit(r *companyRun) ([]string, error) {
	defer func() {
		for _, tmp := range r.temps {
			os.Remove(tmp) // those not moved in place
		}
	}()
	if r.err != nil {
		return nil, r.err
	}
	if b.used == nil {
		b.used = map[string]bool{}
	}
	name := safeFileName(r.c.Name)
	base := name
	for n := 2; b.used[strings.ToLower(base)]; n++ {
		base = fmt.Sprintf("%s-%d", name, n)
	}
	b.used[strings.ToLower(base)] = true
	var written []string
	for i, ext := range outputs {
		path := filepath.Join(b.out, base+ext)
		if err := os.Rename(r.temps[i], path); err != nil {
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
