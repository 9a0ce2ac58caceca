// Command finexport reads EDGAR earnings releases and writes every figure
// in them, checked, for finance teams.
//
// Usage:
//
//	finexport                      run on the bundled sample filings
//	finexport build -o DIR FILE|DIR...  one workbook per company
//	finexport facts FILE|DIR...    every fact as CSV on stdout
//	finexport check FILE|DIR...    every check, grouped by company
//	finexport templates DIR        write the default definitions for editing
//
// Exit codes: 0 success; 1 a check failed (check); 2 usage or input error.
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	"finexport/extract"
)

//go:embed samples/*.txt
var samples embed.FS

// version, when set at build time with -ldflags "-X main.version=...",
// stands in for the module version of the build info.
var version = ""

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

var usage = `finexport reads EDGAR filings (earnings releases, 10-Q, 10-K; plain text or HTML) and
pulls out every figure with its period, sign, scale, unit and source line.

Usage:
  finexport                      process the bundled sample filings into out/
  finexport build [-o DIR] FILE|DIR...  write DIR/<company>.xlsx and .pdf (default out/)
  finexport facts FILE|DIR...    write every fact as CSV to stdout
  finexport check FILE|DIR...    print every check, grouped by company
  finexport templates DIR        write the default definitions to DIR for editing
  finexport --version            print the version

Folders are read recursively (` + extensionList("and") + ` files). Run "finexport COMMAND --help"
for a command's flags.

Exit codes: 0 success; 1 a check failed; 2 usage or input error.
`

// run is main without the process: testable end to end.
func run(args []string, stdout, stderr io.Writer) int {
	// Company names and labels come from the filings: an escape sequence
	// in one must not reach the terminal. The facts CSV is data and stays
	// exact.
	stderr = printable{stderr}
	if len(args) == 0 || args[0] != "facts" {
		stdout = printable{stdout}
	}
	if len(args) == 0 {
		return runSamples(stdout, stderr)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "-version", "--version", "version":
		info, _ := debug.ReadBuildInfo()
		fmt.Fprintln(stdout, versionText(version, info))
		return exitOK
	case "facts":
		return runFacts(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "templates":
		return runTemplates(args[1:], stdout, stderr)
	case "build":
		return runBuild(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "finexport: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// versionText is the --version line: the module version (or override),
// and the VCS revision the binary was built from, as the Go toolchain
// recorded them in the build info (info may be nil).
func versionText(override string, info *debug.BuildInfo) string {
	v, rev, modified := override, "", false
	if info != nil {
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	out := "finexport " + v
	switch {
	case rev != "" && modified:
		out += " (revision " + rev + ", modified)"
	case rev != "":
		out += " (revision " + rev + ")"
	}
	return out
}

// printable writes text with its control characters dropped (escape
// sequences, C1 controls), keeping tabs and line ends.
type printable struct{ w io.Writer }

func (p printable) Write(b []byte) (int, error) {
	clean := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\t' || c == '\n' || c == '\r':
		case c < 0x20 || c == 0x7f:
			continue
		case c == 0xc2 && i+1 < len(b) && b[i+1] >= 0x80 && b[i+1] <= 0x9f:
			i++ // a C1 control in UTF-8
			continue
		}
		clean = append(clean, b[i])
	}
	if _, err := p.w.Write(clean); err != nil {
		return 0, err
	}
	return len(b), nil
}

// commonFlags are the flags every command that reads releases takes.
type commonFlags struct {
	fs          *flag.FlagSet
	templateDir string
	fye         string
	maxSize     int64
	strict      bool
	quiet       bool
}

// inputs collects the files and folders a command names, reporting those
// it cannot read; ok is false when it names none. clean is false when
// some could not be read.
func (c *commonFlags) inputs(stderr io.Writer) (inputs []input, clean, ok bool) {
	if c.fs.NArg() == 0 {
		fmt.Fprintln(stderr, "finexport: name at least one FILE or DIR")
		return nil, false, false
	}
	inputs, errs := collectInputs(c.fs.Args())
	for _, err := range errs {
		fmt.Fprintln(stderr, "finexport:", err)
	}
	return inputs, len(errs) == 0, true
}

func newFlags(name, synopsis string, stderr io.Writer) *commonFlags {
	c := &commonFlags{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.fs.SetOutput(stderr)
	c.fs.StringVar(&c.templateDir, "templates", "", "read definitions from `DIR` instead of the embedded ones")
	c.fs.StringVar(&c.fye, "fiscal-year-end", "", "fiscal year end as `MM-DD`, overriding what the releases imply")
	c.fs.Int64Var(&c.maxSize, "max-size", extract.DefaultMaxSize, "largest release to read, in `bytes`")
	c.fs.BoolVar(&c.strict, "strict", false, "exit 1 when any check fails or releases conflict")
	c.fs.BoolVar(&c.quiet, "quiet", false, "print only errors: no summary, warnings or progress")
	c.fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: finexport %s\n\nFlags:\n", synopsis)
		c.fs.PrintDefaults()
	}
	return c
}

// parse reads the flags and builds the parser. ok is false after a usage
// error (reported) or --help.
func (c *commonFlags) parse(args []string, stderr io.Writer) (*extract.Parser, int, bool) {
	if err := c.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, exitOK, false
		}
		return nil, exitUsage, false
	}
	// The commands read facts and checks, never a table's rows: they go
	// once read, and a long table is not held twice.
	p := &extract.Parser{MaxSize: c.maxSize, DropRows: true}
	if c.templateDir != "" {
		set, err := loadTemplates(c.templateDir)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return nil, exitUsage, false
		}
		p.Templates = set
	}
	if c.fye != "" {
		d, err := parseMonthDay(c.fye)
		if err != nil {
			fmt.Fprintf(stderr, "finexport: --fiscal-year-end: %v\n", err)
			return nil, exitUsage, false
		}
		p.FiscalYearEnd = d
	}
	return p, exitOK, true
}

// noStatementsNotes say which releases hold no statements: valid input,
// whose figures are kept as facts and events.
func noStatementsNotes(filings []*extract.Filing) []extract.Diagnostic {
	var notes []extract.Diagnostic
	for _, f := range filings {
		notes = noStatementsNote(notes, f, len(f.Facts))
	}
	return notes
}

// noStatementsNote appends the note on a release of n figures that holds
// no statements.
func noStatementsNote(notes []extract.Diagnostic, f *extract.Filing, n int) []extract.Diagnostic {
	if len(f.Tables) == 0 {
		notes = append(notes, extract.Diagnostic{File: f.File, Severity: extract.Note,
			Msg: fmt.Sprintf("no statements in this release; its %d figures are kept as facts and events", n)})
	}
	return notes
}

// yearEndContradicted reports, for --strict, releases whose own fiscal
// year end contradicts the one given: each has a warning of its own.
func yearEndContradicted(n int, yearEnd time.Time, stderr io.Writer) bool {
	if n > 0 {
		fmt.Fprintf(stderr, "finexport: --strict: --fiscal-year-end %s contradicts %d release(s)\n", yearEnd.Format("01-02"), n)
	}
	return n > 0
}

// printDiagnostics prints diagnostics as go/scanner prints its errors
// (see extract.WriteDiagnostics) and returns how many it printed. A
// terminal that cannot be written to is no reason to stop the command.
func printDiagnostics(ds []extract.Diagnostic, w io.Writer) int {
	n, _ := extract.WriteDiagnostics(w, ds)
	return n
}

func runFacts(args []string, stdout, stderr io.Writer) int {
	c := newFlags("facts", "facts [flags] FILE|DIR...", stderr)
	p, code, ok := c.parse(args, stderr)
	if !ok {
		return code
	}
	inputs, clean, ok := c.inputs(stderr)
	if !ok {
		return exitUsage
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // limitMemory's, for this run only
	read := 0
	fw, err := extract.NewFactsWriter(stdout)
	// The releases are read a batch at a time and their facts written out
	// in input order as they are made (factStream): memory holds one
	// batch, however many releases, and never a long table's facts.
	batch := 2 * runtime.GOMAXPROCS(0)
	seen := map[string]string{} // SHA-256 -> the first name read, across batches
	// Diagnostics are few, facts many: they are printed sorted at the end.
	var diags []extract.Diagnostic
	for start := 0; start < len(inputs) && err == nil; start += batch {
		in := inputs[start:min(len(inputs), start+batch)]
		limitMemory(in)
		s := newFactStream(fw, len(in), seen)
		readFacts := func(i int) (*extract.Filing, error) {
			return parseOne(p, in[i], func(f *extract.Filing, x []extract.Fact) { s.add(i, f, x) })
		}
		parseEach(len(in), readFacts, nil, s.finish)
		err = s.err
		for _, e := range s.errs {
			if e != nil {
				fmt.Fprintln(stderr, "finexport:", e)
				clean = false
			}
		}
		if !c.quiet {
			diags = append(diags, s.notes...)
		}
		for _, f := range s.result {
			if f == nil {
				continue
			}
			read++
			if !c.quiet {
				diags = append(diags, f.Diagnostics...)
			}
		}
	}
	if err == nil {
		err = fw.Flush()
	}
	printDiagnostics(diags, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "finexport:", err)
		return exitUsage
	}
	if !clean || read == 0 {
		return exitUsage
	}
	return exitOK
}

// runSamples is the no-argument run: the bundled sample filings, built
// into out/ with a summary, and their facts as CSV.
func runSamples(stdout, stderr io.Writer) int {
	const out = "out"
	inputs := sampleInputs()
	filings, errs, _ := parseAll(&extract.Parser{}, inputs, nil)
	for _, err := range errs {
		fmt.Fprintln(stderr, "finexport:", err)
	}
	fmt.Fprintf(stdout, "Read the %d bundled sample releases (%d tables, %d facts).\n", len(filings), countTables(filings), countFacts(filings))
	b := &builder{parser: &extract.Parser{}, out: out, stdout: stdout, stderr: stdout, clean: len(errs) == 0}
	if code := b.run(inputs); code != exitOK {
		return code
	}
	var facts []extract.Fact
	for _, f := range filings {
		facts = append(facts, f.Facts...)
	}
	path := filepath.Join(out, "facts.csv")
	if err := writeFileAtomic(path, func(w io.Writer) error { return extract.WriteFactsCSV(w, facts) }); err != nil {
		fmt.Fprintln(stderr, "finexport:", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "Wrote %s\n", path)
	return exitOK
}

func countFacts(filings []*extract.Filing) int {
	n := 0
	for _, f := range filings {
		n += len(f.Facts)
	}
	return n
}

func countTables(filings []*extract.Filing) int {
	n := 0
	for _, f := range filings {
		n += len(f.Tables)
	}
	return n
}
