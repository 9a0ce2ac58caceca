// Package extract reads EDGAR filings in the plain-text format (earnings
// releases, 10-Q and 10-K reports, their EX-13 and EX-99 exhibits) and
// returns every figure in them with its period, sign, scale, unit and
// source line.
//
// The pipeline, one stage a folder: a submission is split into its SEC
// header and documents (submission.go); a layout reader fills the neutral
// tables of extract/grid (extract/textgrid for plain text); the
// interpretation here classifies each table, reads its scale, units and
// column periods (one fiscal calendar, fiscal.go and period.go), its
// sections and totals, maps rows to the items of a templates.Set, and
// ties it out; the prose is read for figures and claims. extract/model
// then merges the filings of one company.
//
// A Parser reads one file into a Filing: the metadata, the tables, a flat
// list of Facts (table figures and prose figures), and the Checks. Problems
// are Diagnostics naming file:line; only input that is not a filing at all
// (empty, binary, nothing readable) is an error.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"finexport/extract/grid"
	"finexport/extract/htmlgrid"
	"finexport/extract/textgrid"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	"finexport/templates"
)

// DefaultMaxSize is the largest document a Parser reads unless told: 16
// MiB, over ten times the largest filing of the test corpus, and a bound on
// memory. A release of one long table peaks at about 30 times its size to
// read and check and 60 times to build a workbook (BenchmarkBigTable in
// cmd/finexport), so this default keeps one company's build near 1 GB; a
// batch builds one company per core at once.
const DefaultMaxSize = 16 << 20

// Parser reads release documents. The zero value uses the embedded
// templates and DefaultMaxSize.
type Parser struct {
	Templates *templates.Set
	MaxSize   int64
	// FiscalYearEnd overrides the inferred fiscal year end when not zero
	// (only its month and day are used).
	FiscalYearEnd time.Time
	// CompanyOnly reads only what names the company, the ticker and the
	// release date: no tables, no prose figures, no checks. A batch's
	// first pass uses it to learn which company each release belongs to.
	CompanyOnly bool
	// DropRows lets each table's rows go once its facts and tie-outs are
	// made: Tables keep their kind, title, columns and notes, with no
	// rows. For a caller that reads facts and checks only (the command
	// line), so that a long table is not held twice, as rows and as facts.
	DropRows bool
}

// InputError is a document that cannot be read as a release.
type InputError struct {
	File string
	Line int
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// ErrInternal marks a failure inside finexport itself (a recovered panic):
// a bug to report, never the input's fault.
var ErrInternal = errors.New("internal error")

// ErrTooLarge is returned for input over the Parser's MaxSize.
var ErrTooLarge = errors.New("file too large")

// docContext is what every stage of reading one document shares.
type docContext struct {
	file        string
	companyOnly bool // see Parser.CompanyOnly
	set         *templates.Set
	fye         time.Time
	diags       []Diagnostic
	lines       []string // the file's lines, by number - 1
	// factsByItem indexes the table facts by item for the prose checks.
	factsByItem map[string][]*Fact
	// fyVotes counts, by year, the dates the document names as a fiscal
	// year's end, for columns headed by a year alone (52/53-week years).
	fyVotes map[int]map[time.Time]int
	// weekCalendar is true when the fiscal years count weeks: a year headed
	// by its number alone then needs its exact end from the document.
	weekCalendar bool
	// yearRules are the rules the prose states for a year's end ("the
	// last Friday in September"), for years whose end no date names.
	yearRules []yearRule
	headers   headerCache
	// Prose read from the documents, held until the tables are facts.
	proseFacts []Fact
	claims     []claim
	// Document metadata: how trusted the company name read so far is (see
	// fromRegistrant), a dateline still waiting for its year, and the
	// filing date of the submission (zero for a bare release).
	companyRank int
	yearless    *yearless
	filed       time.Time
	runeMarks   runeMarks // see sourceOf
}

func (ctx *docContext) note(n int, msg string) {
	ctx.diags = append(ctx.diags, Diagnostic{File: ctx.file, Line: n, Severity: Note, Msg: msg, Text: ctx.lineText(n)})
}

func (ctx *docContext) warn(n int, msg string) {
	ctx.diags = append(ctx.diags, Diagnostic{File: ctx.file, Line: n, Severity: Warning, Msg: msg, Text: ctx.lineText(n)})
}

// lineText returns line n of the file, or "".
func (ctx *docContext) lineText(n int) string {
	if n < 1 || n > len(ctx.lines) {
		return ""
	}
	return ctx.lines[n-1]
}

// Parse reads one document. name is how the file is named in sources and
// messages. It never panics: an internal failure becomes an error.
func (p *Parser) Parse(r io.Reader, name string) (*Filing, error) {
	return p.parse(r, name, stream{})
}

// ParseFacts reads one document as Parse does, but hands its facts to
// each as they are made, a table row's at a time and then the prose
// figures, in the order Parse's Filing.Facts holds them, and keeps none:
// the filing it returns has no facts and no checks (checks read the
// facts). each is called with the filing (its name and SHA-256 set) and
// a slice it may not keep, reused for the next call; its tables come back
// with no rows (as with DropRows). For a caller that writes facts out: a
// long table is never held as facts. A failure after facts were handed
// out leaves them handed out.
func (p *Parser) ParseFacts(r io.Reader, name string, each func(*Filing, []Fact)) (*Filing, error) {
	return p.parse(r, name, stream{each: each})
}

// ParseStream reads one document as ParseFacts does, handing its facts to
// each as they are made and keeping none, but returns the filing with its
// checks: the tables' tie-outs, run before the rows go, and the prose
// claims, read against the table figures mapped to items (those alone are
// held, until the claims are checked). For a caller that merges the facts
// as they come (model.Stream): a long table's figures are never held as
// the filing's facts beside the merged ones.
func (p *Parser) ParseStream(r io.Reader, name string, each func(*Filing, []Fact)) (*Filing, error) {
	return p.parse(r, name, stream{each: each, checks: true})
}

// stream is how a document's facts go out: with each nil, into the
// filing; otherwise to each, the checks made too when checks is set.
type stream struct {
	each   func(*Filing, []Fact)
	checks bool
}

func (p *Parser) parse(r io.Reader, name string, each stream) (f *Filing, err error) {
	defer func() {
		if v := recover(); v != nil {
			f, err = nil, &InputError{File: name, Err: fmt.Errorf("%w: %v", ErrInternal, v)}
		}
	}()
	limit := p.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		// A file says its size: one over the limit is refused unread.
		if info, err := st.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
			return nil, &InputError{File: name, Err: fmt.Errorf("%w: %d bytes, over %d (raise the limit to read it)", ErrTooLarge, info.Size(), limit)}
		}
	}
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &InputError{File: name, Err: err}
	}
	if int64(len(raw)) > limit {
		return nil, &InputError{File: name, Err: fmt.Errorf("%w: over %d bytes (raise the limit to read it)", ErrTooLarge, limit)}
	}
	return p.parseBytes(raw, name, each)
}

func (p *Parser) parseBytes(raw []byte, name string, each stream) (*Filing, error) {
	set := p.Templates
	if set == nil {
		set = defaultSet()
	}
	sum := sha256.Sum256(raw)
	f := &Filing{File: name, SHA256: hex.EncodeToString(sum[:])}
	lines, encoding, err := textgrid.Decode(raw)
	if err != nil {
		return nil, &InputError{File: name, Err: err}
	}
	ctx := &docContext{file: name, set: set, companyOnly: p.CompanyOnly, lines: make([]string, len(lines)), fyVotes: map[int]map[time.Time]int{}, headers: headerCache{}}
	for i, l := range lines {
		ctx.lines[i] = l.Text
	}
	if encoding != "UTF-8" {
		ctx.warn(textgrid.FirstInvalidUTF8(raw), "not UTF-8; read as "+encoding)
	}
	sub := splitSubmission(lines)
	for _, pr := range sub.problems {
		ctx.warn(pr.N, pr.Msg)
	}
	f.Header = sub.header
	f.StatedYearEnd = sub.header.FiscalYearEnd
	ctx.filed = sub.header.Filed
	fye := p.FiscalYearEnd
	if fye.IsZero() {
		fye = sub.header.FiscalYearEnd
	}
	read := 0
	for _, d := range sub.docs {
		switch {
		case !readableDocument(d):
			ctx.note(d.firstLine(), d.Type+" exhibit skipped: it holds no statements")
			continue
		}
		read++
		ctx.readDocument(f, d, fye)
	}
	if read == 0 {
		return nil, &InputError{File: name, Err: errors.New("submission holds no document to read (" + skippedTypes(sub.docs) + ")")}
	}
	if f.ContradictsYearEnd(p.FiscalYearEnd) {
		ctx.warn(0, "the filing's fiscal year ends "+f.StatedYearEnd.Format("January 2")+"; the year end given ("+
			p.FiscalYearEnd.Format("01-02")+") contradicts it, and periods are named and quarters derived by the year end given")
	}
	if h := sub.header.Company; h != "" && !sameCompany(f.Company, h) {
		f.Company = h // the header is trusted; a matching prose spelling reads better
	}
	if f.ReleaseDate.IsZero() && !sub.header.Filed.IsZero() {
		f.ReleaseDate = sub.header.Filed
	}
	f.Diagnostics = ctx.diags
	switch {
	case each.checks:
		ctx.streamChecked(f, set, each.each)
		return f, nil
	case each.each != nil:
		eachFact(f, set, ctx.proseFacts, true, func(x []Fact) { each.each(f, x) })
		return f, nil
	}
	tieOuts := runTieOuts(f, set) // the tables' own checks, before their rows may go
	f.Facts = buildFacts(f, set, ctx.proseFacts, p.DropRows)
	f.Checks = append(tieOuts, ctx.proseChecks(f)...)
	f.Diagnostics = ctx.diags
	return f, nil
}

// streamChecked hands the filing's facts to each as they are made and
// sets its checks as Parse does: the tie-outs before the rows go, the
// prose claims over the table facts mapped to items (all the claims read
// of the facts), kept only until they are checked.
func (ctx *docContext) streamChecked(f *Filing, set *templates.Set, each func(*Filing, []Fact)) {
	tieOuts := runTieOuts(f, set)
	var mapped []Fact
	eachFact(f, set, ctx.proseFacts, true, func(x []Fact) {
		for _, y := range x {
			if y.Table >= 0 && y.Item != "" {
				mapped = append(mapped, y)
			}
		}
		each(f, x)
	})
	f.Facts = mapped
	f.Checks = append(tieOuts, ctx.proseChecks(f)...)
	f.Facts = nil
	f.Diagnostics = ctx.diags
}

// readDocument reads one release into f.
func (ctx *docContext) readDocument(f *Filing, d document, override time.Time) {
	var grids []grid.Table
	var prose []line
	text := d // the document's text: in HTML, its visible paragraphs
	html := looksLikeHTML(d)
	switch {
	case html: // its paragraphs are the text that names the company
		grids, prose = htmlgrid.Read(d.Lines, ctx.warn)
		text.Lines = paragraphs(prose)
	case !ctx.companyOnly:
		grids, prose = textgrid.Read(d.Lines, ctx.warn)
	}
	if ctx.companyOnly {
		ctx.readMeta(f, text)
		return
	}
	proseText := joinProse(prose) // read once for the fiscal year end and calendar
	proseLow := asciiLower(proseText)
	ctx.readMeta(f, text)
	ctx.fye = override
	first := len(f.Tables)
	for _, g := range splitStatements(grids) {
		f.Tables = append(f.Tables, ctx.parseTable(g, len(f.Tables)))
	}
	// What the document says is read even when overridden: an override
	// it contradicts is reported.
	stated := inferFiscalYearEnd(f.Tables[first:], proseText, proseLow, ctx.headers)
	if f.StatedYearEnd.IsZero() {
		f.StatedYearEnd = stated
	}
	if ctx.fye.IsZero() {
		ctx.fye = stated
	}
	ctx.learnFiscalYearEnds(f.Tables[first:])
	ctx.learnCalendar(proseText, proseLow)
	f.Calendar = ctx.calendar()
	for _, t := range f.Tables[first:] {
		ctx.resolveColumns(t)
	}
	ctx.inferScales(f.Tables[first:])
	ctx.warnFlowsAtInstants(f.Tables[first:])
	ctx.warnDuplicateTables(f.Tables[first:])
	ctx.settleReleaseYear(f, text.Lines, f.Tables[first:])
	if html {
		// Each HTML paragraph (a bullet, a heading) stands apart in the
		// prose too: a heading opens its section, and a bullet's last
		// sentence ends with it.
		prose = text.Lines
	}
	ctx.readProse(f, prose)
}

// paragraphs sets HTML paragraphs apart by blank lines, as paragraphs of
// plain text stand: a headline ends where its paragraph does.
func paragraphs(prose []line) []line {
	out := make([]line, 0, 2*len(prose))
	for _, p := range prose {
		out = append(out, p, line{N: p.N})
	}
	return out
}

// resolve resolves a column header, reading it once per document.
func (ctx *docContext) resolve(header string, kind Statement) (Period, bool, bool) {
	if ctx.headers == nil {
		ctx.headers = headerCache{}
	}
	return resolveFacts(ctx.headers.read(header), kind, ctx.fye)
}

// skippedTypes lists the document types of a submission, for a message.
func skippedTypes(docs []document) string {
	var types []string
	for _, d := range docs {
		if d.Type != "" {
			types = append(types, d.Type)
		}
	}
	if len(types) == 0 {
		return "no documents"
	}
	return "only " + strings.Join(types, ", ")
}

// isPageBreak: a <PAGE> line of an EDGAR text document.
func isPageBreak(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) >= 6 && strings.EqualFold(s[:6], "<PAGE>") || len(s) >= 7 && strings.EqualFold(s[:7], "</PAGE>")
}

// defaultSet is the embedded templates, for a zero Parser.
func defaultSet() *templates.Set { return templates.Default() }
