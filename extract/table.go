package extract

import (
	"finexport/extract/grid"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

var (
	reBalanceTitle    = gate(`(?i)balance\s+sheets?|financial\s+(position|condition)`, "balance", "financial")
	reCashFlowTitle   = gate(`(?i)cash\s*flows?`, "cash")
	reIncomeTitle     = gate(`(?i)statements?\s+of\s+(consolidated\s+)?(operations|income|earnings|loss|comprehensive)|income\s+statements?|results\s+of\s+operations|operations\s+data|profit\s+and\s+loss`, "statement", "operations", "profit")
	reTitleWords      = gate(`(?i)unaudited|audited|condensed|consolidated|statements?\b|sheets?\b|\b(corp|inc|co|ltd|corporation|incorporated)\b\.?|in\s+(thousands?|millions?|billions?)|omitted`, "audited", "condensed", "consolidated", "statement", "sheet", `\bcorp\b`, `\binc\b`, `\bco\b`, `\bltd\b`, `\bcorporation\b`, `\bincorporated\b`, "thousand", "million", "billion", "omitted")
	reScale           = gate(`(?i)\bin\s+((frf|eur|gbp|dem|chf|jpy|cad|zar|usd)\s+)?(thousands?|millions?|billions?)\b|\(\s*\$?\s*(thousands?|millions?|billions?)\b|\b(thousands?|millions?|billions?)\s+of\s+(u\.\s*s\.\s+)?dollars|\$\s*(in\s+)?(thousands?|millions?|billions?)\b|\(\s*\$?\s*000'?s?\s*\)|\bin\s+\$?\s*000'?s\b|\b000'?s?\s+omitted`, "thousand", "million", "billion", "000")
	reNotStatement    = gate(`(?i)selected|quarterly|segment|geographic|pro\s*forma|supplement|non-?gaap|five[- ]year|ten[- ]year|\bratios?\b|reconciliation|per\s+share\s+data`, "selected", "quarterly", "segment", "geographic", "forma", "supplement", "gaap", "year", "ratio", "reconciliation", "data")
	reNoStatementLine = gate(`(?i)selected|quarterly|segment|geographic|pro\s*forma|non-?gaap|five[- ]year|ten[- ]year|reconciliation`, "selected", "quarterly", "segment", "geographic", "forma", "gaap", "year", "reconciliation")
	reBareScale       = gate(`(?i)\((thousands?|millions?|billions?)\)`, "thousand", "million", "billion")
	reNotReported     = gate(`(?i)pro\s*-?\s*forma|\badjust|non-?gaap|as\s+adjusted`, "forma", "adjust", "gaap")
	reExcept          = gate(`(?i)except\b([^)]*)`, "except")
	rePerShare        = regexp.MustCompile(`(?i)per[- ]share`)
)

// tableGrid is a table being interpreted: the grid a reader laid out and
// the Table it becomes.
type tableGrid struct {
	ctx *docContext
	g   grid.Table
	t   *Table
	// notStatement: the text over the table names a table that is no
	// statement (selected data, segments, quarters).
	notStatement bool
	note         bool                         // a footnote's figures: never a statement
	res          map[[2]int32]decimal.Decimal // see resolution
}

// parseTable interprets one grid into a Table. Problems are reported
// through ctx and never stop the document.
func (ctx *docContext) parseTable(gt grid.Table, index int) *Table {
	g := &tableGrid{ctx: ctx, g: gt, t: &Table{Index: index, StartLine: gt.Start, EndLine: gt.End, Scale: decimal.NewFromInt(1), ScaleShares: true, Currency: USD}}
	for _, n := range gt.Notes {
		g.t.Notes = append(g.t.Notes, n.Text)
	}
	if gt.Columns == 0 {
		ctx.warn(gt.Start, "table has no figures; kept as text")
		g.t.Kind = Other
		for _, r := range gt.Head {
			if r.Text != "" {
				g.t.Notes = append(g.t.Notes, r.Text)
			}
		}
		return g.t
	}
	g.t.Columns = make([]Column, gt.Columns)
	headers, bodyStart := g.readHeaderZone()
	g.readScale()
	if g.note = noteBlock(gt); g.note {
		g.t.Title = []string{strings.TrimSpace(gt.Above[0].Text)} // the statement's title above it is not this table's
	}
	g.t.Kind = classifyTitle(strings.Join(g.t.Title, " "))
	if g.t.Kind == Other {
		g.t.Kind = g.stubStatement(bodyStart)
	}
	if reNotReported.MatchString(strings.Join(g.t.Title, " ")) || g.note {
		g.t.Kind = Other // a pro forma or non-GAAP statement, or a footnote's figures, is never the statement
	}
	g.t.periodHint = g.periodHint(bodyStart)
	if mayNamePeriod(g.t.periodHint) {
		g.t.hintDates = fullDates(g.t.periodHint)
		g.t.hintSpans = dateSpans(g.t.periodHint)
	}
	for i, h := range columnHeaders(gt.Columns, headers) {
		g.t.Columns[i].Header = h
		// Change, pro forma and adjustment columns are kept, without a
		// period: never the period's reported figure.
		g.t.Columns[i].Change = reChange.MatchString(h) || reNotReported.MatchString(h)
	}
	body := gt.Body // a long table's rows are not copied when no head row joins them
	if bodyStart < len(gt.Head) {
		body = append(append([]grid.Row(nil), gt.Head[bodyStart:]...), gt.Body...)
		clear(gt.Body) // moved into body, whose cells go as its rows are read
	}
	g.readRows(body)
	g.mapRows()
	return g.t
}

// splitStatements splits a table that holds two statements: a row naming
// a statement ("Cash Flows", "Balance Sheet") after rows of figures starts
// the next one, under the same column headers. So does a footnote that
// introduces figures of its own ("(1) Includes amortization of acquired
// intangibles as follows:"): its rows repeat statement labels with other
// figures, and are never statement lines.
func splitStatements(grids []grid.Table) []grid.Table {
	var out []grid.Table
	for _, g := range grids {
		for {
			k := statementRow(g)
			if n := noteRow(g); n >= 0 && (k < 0 || n < k) {
				k = n
			}
			if k < 0 {
				break
			}
			first, rest := g, g
			first.Body, first.End = g.Body[:k], max(g.Start, g.Body[k].Line-1) // a filing on one line
			rest.Start, rest.Body = g.Body[k].Line, g.Body[k+1:]
			rest.Above = []grid.Text{{Pos: grid.Pos{Line: g.Body[k].Line}, Text: g.Body[k].Label}}
			if noteBlock(rest) {
				rest.Above = append(rest.Above, g.Above...) // the footnote's figures keep the table's scale
			}
			out = append(out, first)
			g = rest
		}
		out = append(out, g)
	}
	return out
}

// statementRow finds the body row that names a statement after rows of
// figures, or returns -1.
func statementRow(g grid.Table) int {
	figures := false
	for k, r := range g.Body {
		switch {
		case r.Kind == grid.Figures:
			figures = true
		case figures && r.Kind == grid.Words && len(r.Cells) == 0:
			name := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(r.Label, ":")))
			switch {
			case name == "cash flows" || name == "balance sheet" || name == "balance sheets":
				return k
			case strings.Contains(name, "statement") && classifyTitle(r.Label) != Other && len(name) < 60:
				return k
			}
		}
	}
	return -1
}

// reNoteIntro is a footnote that introduces figures: a note mark, and
// words that end in a colon.
var reNoteIntro = regexp.MustCompile(`^(\(\w{1,3}\)|\*+|[†‡]|\d{1,2}\s)\s*\S.*:$`)

// noteRow finds the body row, after rows of figures, of a footnote that
// introduces figures, or returns -1.
func noteRow(g grid.Table) int {
	figures := false
	for k, r := range g.Body {
		switch {
		case r.Kind == grid.Figures:
			figures = true
		case figures && r.Kind == grid.Words && len(r.Cells) == 0 && reNoteIntro.MatchString(strings.TrimSpace(r.Label)):
			return k
		}
	}
	return -1
}

// noteBlock reports a table that a footnote introduces.
func noteBlock(g grid.Table) bool {
	return len(g.Above) > 0 && reNoteIntro.MatchString(strings.TrimSpace(g.Above[0].Text))
}

// readHeaderZone sorts the rows above the first figures into titles and
// column headers, and returns where the body starts.
func (g *tableGrid) readHeaderZone() ([][]grid.Cell, int) {
	var headers [][]grid.Cell
	lastHeader := -1
	isHeader := make([]bool, len(g.g.Head))
	for i, r := range g.g.Head {
		if cells, ok := headerPhrases(r); ok || lastHeader >= 0 && columnWords(r) && sharesHeader(g.g.Columns, headers) {
			if !ok {
				cells = r.Cells
			}
			headers = append(headers, cells)
			lastHeader, isHeader[i] = i, true
		}
	}
	// Words under the period headers that head each column on their own
	// ("Products  Services  Total", "As Reported  Adjustments  Non-GAAP")
	// are part of the columns' headers.
	for i := lastHeader + 1; lastHeader >= 0 && i < len(g.g.Head); i++ {
		if r := g.g.Head[i]; r.Kind == grid.Rule || r.Kind == grid.Blank {
			continue
		}
		if !columnWords(g.g.Head[i]) {
			break
		}
		headers = append(headers, g.g.Head[i].Cells)
		lastHeader, isHeader[i] = i, true
	}
	for _, a := range titleBlock(g.g.Above) {
		if !isTitleText(a.Text, a.Indent) {
			continue
		}
		if anyAt(a.Text, reTitleWords, titleWordAt) || classifyTitle(a.Text) != Other || anyAt(a.Text, reNotStatement, notStatementAt) {
			g.t.Title = append(g.t.Title, a.Text)
		}
		// A line over the table that names what is no statement ("Five
		// Year Financial Summary", "... by segment:") keeps the table from
		// being taken for a statement by its rows.
		g.notStatement = g.notStatement || namesNoStatement(a.Text)
	}
	bodyStart := lastHeader + 1
	for i, r := range g.g.Head {
		if i <= lastHeader && r.Kind != grid.Rule {
			g.notStatement = g.notStatement || namesNoStatement(r.Text) // "GEOGRAPHIC AREAS  Year-End Assets"
		}
		if r.Text == "" || isHeader[i] || r.Kind == grid.Rule {
			continue
		}
		if i < lastHeader || anyAt(r.Text, reTitleWords, titleWordAt) && !strings.HasSuffix(r.Text, ":") {
			g.t.Title = append(g.t.Title, r.Text)
			bodyStart = max(bodyStart, i+1)
		}
	}
	return headers, bodyStart
}

// namesNoStatement reports a line over a table (not its title) that names
// a table that is no statement. Fewer words count than in a title: "per
// share data" ends a scale note, and "supplemental" statements are
// statements.
func namesNoStatement(s string) bool {
	return anyAt(s, reNoStatementLine, noStatementAt)
}

// periodHint gathers the period words stated above the columns but not
// over them: title lines, and text in the head rows' stub.
func (g *tableGrid) periodHint(bodyStart int) string {
	var parts []string
	for j := len(g.g.Above) - 1; j >= 0; j-- {
		if a := g.g.Above[j]; isTitleText(a.Text, a.Indent) && isPeriodWords(a.Text) {
			parts = append(parts, a.Text)
		}
	}
	for _, r := range g.g.Head[:bodyStart] {
		for _, c := range r.Cells {
			if c.InStub() && isPeriodWords(c.Text) {
				parts = append(parts, c.Text)
			}
		}
		if len(r.Cells) == 0 && r.Kind == grid.Words && isPeriodWords(r.Text) {
			parts = append(parts, r.Text)
		}
	}
	return strings.Join(parts, " ")
}

// stubStatement reads a statement's name standing in the stub of the
// header rows, as in a table titled only "Consolidated Financial
// Statements" whose year row starts "Income" or "Balance Sheet". Such a
// stub is a title.
func (g *tableGrid) stubStatement(bodyStart int) Statement {
	for _, r := range g.g.Head[:bodyStart] {
		for _, c := range r.Cells {
			if !c.InStub() {
				continue
			}
			if k := classifyTitle(c.Text); k != Other {
				g.t.Title = append(g.t.Title, c.Text)
				return k
			}
			if k, ok := statementNames[strings.ToLower(strings.TrimSuffix(c.Text, ":"))]; ok {
				g.t.Title = append(g.t.Title, c.Text)
				return k
			}
		}
	}
	return Other
}

// statementNames are the bare names a statement can go by.
var statementNames = map[string]Statement{
	"income": Income, "operations": Income, "earnings": Income, "results of operations": Income,
	"balance sheet": Balance, "balance sheets": Balance, "financial position": Balance,
	"cash flows": CashFlow, "cash flow": CashFlow,
}

// titleBlock returns, top to bottom, the text above a table that may be
// its title: everything up to the statement's name, and then the lines
// that run on above that name without a gap (the company's name). With no
// statement's name above, only the lines next to the table.
func titleBlock(above []grid.Text) []grid.Text {
	// Titles on the same line run on too (an HTML file can hold a whole
	// release on one line); a paragraph of prose ends the run.
	next := func(k int) bool {
		a, b := above[k], above[k-1]
		return a.Pos.Line == b.Pos.Line-1 || a.Pos.Line == b.Pos.Line && isTitleText(a.Text, a.Indent) && isTitleText(b.Text, b.Indent)
	}
	end := min(len(above), 1)
	for end < len(above) && next(end) {
		end++
	}
	for i, a := range above {
		if classifyTitle(a.Text) == Other {
			continue
		}
		end = i + 1
		for end < len(above) && next(end) {
			end++
		}
		break
	}
	out := make([]grid.Text, 0, end)
	for j := end - 1; j >= 0; j-- {
		out = append(out, above[j])
	}
	return out
}

// isTitleText tells a title above a table from the end of a paragraph of
// prose: titles are short, indented or in capitals, and are not
// sentences. A longer line at the margin is a title when it names a
// statement and does not announce what follows ("Consolidated statement
// of cash flows for the years 1994 and 1993").
func isTitleText(s string, indent int) bool {
	sentence := strings.HasSuffix(s, ".") && !companySuffixEnd(s)
	if sentence {
		return false
	}
	return indent >= 3 || len(s) <= 60 || grid.IsAllCaps(s) ||
		len(s) <= 100 && !strings.HasSuffix(s, ":") && opensWithStatement(s) && classifyTitle(s) != Other
}

// opensWithStatement: a line whose first words, past "Consolidated" and
// the like, name a statement - as a title does, and a sentence that
// mentions "our consolidated balance sheets" does not.
func opensWithStatement(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	for len(words) > 0 && titleAdjectives[words[0]] {
		words = words[1:]
	}
	if len(words) < 2 {
		return false
	}
	first, second := words[0], words[1]
	return strings.HasPrefix(first, "statement") || first == "balance" && strings.HasPrefix(second, "sheet") ||
		(first == "income" || first == "cash") && (strings.HasPrefix(second, "statement") || strings.HasPrefix(second, "flow"))
}

var titleAdjectives = map[string]bool{"consolidated": true, "condensed": true, "combined": true, "unaudited": true, "audited": true, "the": true}

// headerPhrases returns the phrases of a head row that head columns, when
// the row names a period (or is a row of years).
func headerPhrases(r grid.Row) ([]grid.Cell, bool) {
	var phrases []grid.Cell
	var words []string
	for _, c := range r.Cells {
		if !c.InStub() {
			phrases = append(phrases, c)
			words = append(words, c.Text)
		}
	}
	if r.Years {
		return phrases, len(phrases) > 0
	}
	text := strings.Join(words, " ")
	if len(phrases) == 0 || !isPeriodWords(text) && !reChange.MatchString(text) && !(mayBeNotReported(text) && reNotReported.MatchString(text)) {
		return nil, false // neither a period nor a column that is none ("Pro Forma Adjustments")
	}
	if anyAt(text, reTitleWords, titleWordAt) && len(phrases) == 1 && !reMonthDay.MatchString(text) && !reMonths.MatchString(text) {
		return nil, false // a title such as "Consolidated Statements of Operations"
	}
	return phrases, true
}

// columnWords reports a head row of two or more phrases that each stand
// over columns, none in the stub, none a heading and none with a figure:
// "Gross amounts / Amortization / Net" or "As Reported / Adjustments /
// Non-GAAP" under the period headers. (One phrase over all the columns
// is a note: "(In millions)".)
func columnWords(r grid.Row) bool {
	if r.Kind != grid.Words || len(r.Cells) < 2 {
		return false
	}
	for _, c := range r.Cells {
		if c.First < 0 || strings.HasSuffix(c.Text, ":") || strings.ContainsAny(c.Text, "0123456789") {
			return false
		}
	}
	return true
}

// sharesHeader: two columns stand under the same header words so far.
func sharesHeader(n int, headers [][]grid.Cell) bool {
	seen := map[string]bool{}
	for _, h := range columnHeaders(n, headers) {
		if h != "" && seen[h] {
			return true
		}
		seen[h] = true
	}
	return false
}

// mayBeNotReported is a quick test that spares reNotReported: a pro forma,
// adjusted or non-GAAP column names "forma", "adjust" or "gaap".
func mayBeNotReported(s string) bool {
	return containsAnyFoldASCII(s, notReportedStems)
}

// notReportedStems: reNotReported cannot match without one of them.
var notReportedStems = []string{"forma", "adjust", "gaap"}

// columnHeaders gives each column the header words over it: the phrase of
// each header row that covers it, joined top to bottom.
func columnHeaders(n int, headers [][]grid.Cell) []string {
	out := make([]string, n)
	for _, row := range headers {
		for _, c := range row {
			for ci := max(c.First, 0); ci <= c.Last && ci < n; ci++ {
				out[ci] = strings.TrimSpace(out[ci] + " " + c.Text)
			}
		}
	}
	return out
}

// resolveColumns turns each column's header into a period, once the fiscal
// year end is known. Columns that name no period keep their figures
// without one, under a single warning for the table.
func (ctx *docContext) resolveColumns(t *Table) {
	var unresolved []string
	for i := range t.Columns {
		c := &t.Columns[i]
		if c.Change {
			continue
		}
		p, ok := ctx.resolveColumn(i, t)
		if ok {
			c.Period = p
			continue
		}
		unresolved = append(unresolved, "column "+strconv.Itoa(i+1)+" "+quote(c.Header))
	}
	unresolved = append(unresolved, ctx.dropSharedPeriods(t)...)
	switch n := len(unresolved); {
	case n == 1:
		ctx.warn(t.StartLine, unresolved[0]+" resolves to no period; its figures are kept without one")
	case n > 1:
		shown := unresolved[:min(n, 3)]
		more := ""
		if n > 3 {
			more = fmt.Sprintf(" and %d more", n-3)
		}
		ctx.warn(t.StartLine, fmt.Sprintf("%d columns resolve to no period (%s%s); their figures are kept without one", n, strings.Join(shown, ", "), more))
	}
}

// dropSharedPeriods handles columns that one header date spans, as
// "December 31, 1994" over Gross amounts, Amortization and Net: a period
// has one reported figure an item, so the column whose own words make it
// the reported one (Net, Total) keeps the period and the others, analysis
// columns, lose it. When words tell the columns apart but none marks the
// reported one ("Carrying amount", "Fair value"), none keeps it: which
// one reports the period is not known. Columns whose headers read alike
// are left as they are. It returns the columns it cleared.
func (ctx *docContext) dropSharedPeriods(t *Table) []string {
	var cleared []string
	for i := range t.Columns {
		key := t.Columns[i].Period.Key()
		if key == "" {
			continue
		}
		var same, reported []int
		for j := range t.Columns {
			if t.Columns[j].Period.Key() == key {
				same = append(same, j)
				if namesReported(t.Columns[j].Header) {
					reported = append(reported, j)
				}
			}
		}
		if len(same) < 2 || len(reported) > 1 || len(reported) == 0 && !distinctHeaders(t, same) {
			continue
		}
		for _, j := range same {
			if len(reported) == 1 && reported[0] == j {
				continue
			}
			t.Columns[j].Period = Period{}
			cleared = append(cleared, "column "+strconv.Itoa(j+1)+" "+quote(t.Columns[j].Header))
		}
	}
	return cleared
}

// distinctHeaders: the columns' headers differ - words under the shared
// date tell them apart ("Carrying amount", "Fair value"), so each holds
// a different measure of the period.
func distinctHeaders(t *Table, cols []int) bool {
	seen := map[string]bool{}
	for _, j := range cols {
		h := t.Columns[j].Header
		if seen[h] {
			return false
		}
		seen[h] = true
	}
	return true
}

// namesReported: a column header word that marks the reported figure
// among columns sharing one period.
func namesReported(h string) bool {
	low := strings.ToLower(h)
	return indexWord(low, "net") >= 0 || indexWord(low, "total") >= 0
}

// resolveColumn turns column i's header into a period, with the period
// words stated above the columns (the title's "Three years ended December
// 31, 1994", a stub's "FOR THE THREE MONTHS ENDED MARCH 31:") filling in
// what the header leaves out. A column headed by a year alone gets a
// fiscal year's exact end only when the document makes it known; a
// quarter or half headed by a year alone gets none.
func (ctx *docContext) resolveColumn(i int, t *Table) (Period, bool) {
	if ctx.headers == nil {
		ctx.headers = headerCache{}
	}
	if p, ok := ownSpan(t.Columns[i].Header, t.Kind); ok {
		return p, true // "Period from September 1, 1998 (inception) to December 31, 1998"
	}
	h := ctx.columnFacts(i, t)
	if p, ok := spanFor(ctx.headers, t, i, h); ok {
		return p, true // "period from June 3, 1996 (inception) to December 31, 1996" over "1996"
	}
	if t.periodHint != "" {
		hint := ctx.headers.read(t.periodHint)
		if h.year == 0 && len(t.Columns) == 1 {
			h = hint // "for the year ended June 30, 2000" over one column
		}
		if d, ok := hintDateFor(t, i, h.year); ok {
			// The title's date is the column's own: fiscal 1999 headed
			// "1999" under "December 31, 2000 and January 2, 2000" ended
			// on January 2, 2000.
			hint.month, hint.day, hint.year = d.Month(), d.Day(), d.Year()
			h.year = d.Year()
		}
		h = ctx.withHint(h, hint)
	}
	yearOnly := h.year != 0 && h.month == 0 && h.quarter == 0
	if yearOnly && h.months > 0 && h.months < 12 {
		return Period{}, false // a quarter or half of which year end? Never guess.
	}
	p, _, ok := resolveFacts(h, t.Kind, ctx.fye)
	if ok && t.Kind == Balance && !p.IsInstant() {
		p = Period{End: p.End} // a balance sheet headed "For the year ended ...": the balance at its end
	}
	if !ok || !yearOnly {
		return p, ok
	}
	end, known := ctx.yearEnd(p.End.Year())
	if !known {
		return Period{}, false
	}
	return retarget(p, end), true
}

// hintDateFor pairs the dates a title names ("December 31, 2000 and
// January 2, 2000") with the columns in order, when there is one date a
// period column and each date falls within a year of its column's year.
func hintDateFor(t *Table, i, year int) (time.Time, bool) {
	dates := t.hintDates
	var cols []int
	for j, c := range t.Columns {
		if !c.Change {
			cols = append(cols, j)
		}
	}
	if len(dates) < 2 || len(dates) != len(cols) || year == 0 {
		return time.Time{}, false
	}
	for k, j := range cols {
		if j == i {
			d := dates[k]
			if d.Year()-year > 1 || year-d.Year() > 1 {
				return time.Time{}, false
			}
			return d, true
		}
	}
	return time.Time{}, false
}

// columnFacts is what column i's own header says of its date, once a
// header naming several dates has given the column its own.
func (ctx *docContext) columnFacts(i int, t *Table) headerFacts {
	h := ctx.headers.read(t.Columns[i].Header)
	if len(h.dates) > 1 {
		h = datesByPlace(t, i, h) // "May 4, 2002 and May 5, 2001" over both columns
	}
	if h.dateYear != 0 {
		// "Fiscal years ended September 30, 1994" over "1993": the date is
		// another year's; its month and day carry as a title's would.
		hint := headerFacts{month: h.month, day: h.day, year: h.dateYear}
		h.month, h.day, h.dateYear = 0, 0, 0
		h = ctx.withHint(h, hint)
	}
	return h
}

// spanFor gives column i the period the title names from one date to
// another ("and period from June 3, 1996 (inception) to December 31,
// 1996") when the column is headed by that period's year alone and no
// other column is.
func spanFor(headers headerCache, t *Table, i int, h headerFacts) (Period, bool) {
	if len(t.hintSpans) == 0 || h.year == 0 || h.month != 0 || h.quarter != 0 {
		return Period{}, false
	}
	if h.months != 0 || h.weeks != 0 {
		return Period{}, false // the column states its own length
	}
	var found Period
	n := 0
	for _, p := range t.hintSpans {
		if p.End.Year() == h.year {
			found, n = p, n+1
		}
	}
	if n != 1 {
		return Period{}, false
	}
	for j, c := range t.Columns {
		if j != i && !c.Change && headers.read(c.Header).year == h.year {
			return Period{}, false // two columns of one year: which is the span?
		}
	}
	if t.Kind == Balance {
		return Period{End: found.End}, true
	}
	return found, true
}

// datesByPlace pairs the dates one header lists with the columns it
// stands over, in order, when there are as many of each: "May 4, 2002 and
// May 5, 2001" over two columns. Over several columns of another count,
// the column gets no date; over this column alone, it keeps the last.
func datesByPlace(t *Table, i int, h headerFacts) headerFacts {
	var cols []int
	for j, c := range t.Columns {
		if c.Header == t.Columns[i].Header {
			cols = append(cols, j)
		}
	}
	switch {
	case len(cols) == 1:
		return h
	case len(cols) != len(h.dates):
		h.month, h.day, h.year = 0, 0, 0
		return h
	}
	for k, j := range cols {
		if j == i {
			d := h.dates[k]
			h.month, h.day, h.year = d.Month(), d.Day(), d.Year()
		}
	}
	return h
}

// ownSpan reads a column header that names its period from one date to
// another.
func ownSpan(header string, kind Statement) (Period, bool) {
	if !strings.Contains(header, "rom") && !strings.Contains(header, "ROM") {
		return Period{}, false // no "from": spare the expression
	}
	spans := dateSpans(header)
	if len(spans) != 1 {
		return Period{}, false
	}
	if kind == Balance {
		return Period{End: spans[0].End}, true
	}
	return spans[0], true
}

// dateSpans lists the periods s names from one written-out date to
// another: "from June 3, 1996 (inception) to December 31, 1996", "for the
// period from May 1, 1998 through December 31, 1998".
func dateSpans(s string) []Period {
	var buf [4]fullDate
	ds := fullDatesIn(s, buf[:0])
	var out []Period
	for k := 0; k+1 < len(ds); k++ {
		before := strings.Fields(asciiLower(s[max(0, ds[k].start-12):ds[k].start]))
		if len(before) == 0 || before[len(before)-1] != "from" {
			continue
		}
		between := asciiLower(s[ds[k].end:ds[k+1].start])
		if len(between) > 30 || indexWord(between, "to") < 0 && indexWord(between, "through") < 0 {
			continue
		}
		from, ok1 := ds[k].date()
		to, ok2 := ds[k+1].date()
		if !ok1 || !ok2 || !from.Before(to) || to.Sub(from) > 400*24*time.Hour {
			continue
		}
		out = append(out, spanPeriod(from, to))
	}
	return out
}

// spanPeriod is the period from one day to another, both inclusive, with
// the nearest whole count of months.
func spanPeriod(from, to time.Time) Period {
	days := to.Sub(from).Hours()/24 + 1
	return Period{Start: from, End: to, Months: max(1, int(days/30.44+0.5))}
}

// fullDates lists the dates written out in s, in order.
func fullDates(s string) []time.Time {
	var buf [4]fullDate
	var out []time.Time
	for _, m := range fullDatesIn(s, buf[:0]) {
		if d, ok := m.date(); ok {
			out = append(out, d)
		}
	}
	return out
}

// withHint fills in a header's missing duration and month from the period
// words above the columns. A hint's month and day carry to another year
// only on a calendar of month ends.
func (ctx *docContext) withHint(h, hint headerFacts) headerFacts {
	if h.year == 0 {
		return h
	}
	if h.months == 0 && h.weeks == 0 && h.quarter == 0 {
		h.months, h.weeks = hint.months, hint.weeks
	}
	if h.month == 0 && hint.month != 0 && hint.day > 0 {
		sameYear := hint.year == 0 || hint.year == h.year
		monthEnd := hint.day == lastDay(date(h.year, hint.month, 1))
		if sameYear || monthEnd && !ctx.countsWeeks() {
			h.month, h.day = hint.month, hint.day
			if !sameYear {
				h.day = lastDay(date(h.year, hint.month, 1))
			}
		}
	}
	return h
}

// figureKey is an item in a period.
type figureKey struct{ item, period string }

// warnDuplicateTables flags a release that states the same figures twice,
// differently: two tables of one kind sharing a period and an item. One
// pass over the figures, one warning a table at most, and at most
// maxDuplicateWarnings a document: a file of thousands of repeated tables
// costs no more than its size.
func (ctx *docContext) warnDuplicateTables(tables []*Table) {
	type stated struct {
		cell  Cell
		table *Table
	}
	first := map[Statement]map[figureKey]stated{}
	warned := 0
	for _, b := range tables {
		if b.Kind == Other {
			continue
		}
		seen := first[b.Kind]
		if seen == nil {
			seen = map[figureKey]stated{}
			first[b.Kind] = seen
		}
		msg := ""
		keys := make([]string, len(b.Columns)) // each column's period key, made once
		for i, col := range b.Columns {
			keys[i] = col.Period.Key()
		}
		for _, r := range b.Rows {
			for _, c := range r.Cells {
				p := b.Columns[c.Column].Period
				if keys[c.Column] == "" {
					continue
				}
				for _, id := range r.Items {
					k := figureKey{id, keys[c.Column]}
					prev, ok := seen[k]
					switch {
					case !ok:
						seen[k] = stated{c, b}
					case msg == "" && prev.table != b && !prev.cell.Value.Equal(c.Value):
						msg = fmt.Sprintf("this table repeats the periods of the table at line %d with different figures: %s %s is %s at line %d and %s at line %d",
							prev.table.StartLine, id, p, prev.cell.Value, prev.cell.Source.Line, c.Value, c.Source.Line)
					}
				}
			}
		}
		if msg == "" {
			continue
		}
		if warned++; warned <= maxDuplicateWarnings {
			ctx.warn(b.StartLine, msg)
		}
	}
	if warned > maxDuplicateWarnings {
		ctx.warn(tables[0].StartLine, fmt.Sprintf("... and %d more tables that repeat periods with different figures", warned-maxDuplicateWarnings))
	}
}

// maxDuplicateWarnings caps the repeated-table warnings of one document.
const maxDuplicateWarnings = 20

func quote(s string) string {
	if s == "" {
		return "(none)"
	}
	return `"` + s + `"`
}

// readScale finds "(in thousands, except per share data)" and the like in
// the header or the text just above the table, and the currency the
// figures are in when it is not the dollar ("In Rand, in thousands").
func (g *tableGrid) readScale() {
	var texts []string
	for _, r := range g.g.Head {
		texts = append(texts, r.Text)
	}
	for _, a := range g.g.Above {
		texts = append(texts, a.Text)
	}
	scales := make([]int64, len(texts)) // each text's scale note, read once
	for i, s := range texts {
		if mayNameScale(s) {
			scales[i] = scaleIn(s)
		}
		if !strings.HasPrefix(s, "(") && scales[i] == 0 {
			continue // a currency counts only in a scale note: "(In Rand, in thousands)"
		}
		if cur := currencyOf(s); cur != "" && g.t.Currency == USD {
			g.t.Currency = cur
		}
	}
	for i, s := range texts {
		f := scales[i]
		if f == 0 {
			continue
		}
		g.t.Scale = decimal.NewFromInt(f)
		if e := reExcept.FindStringSubmatch(s); e != nil && strings.Contains(strings.ToLower(rePerShare.ReplaceAllString(e[1], "")), "share") {
			g.t.ScaleShares = false
			// "except per share data; shares in thousands", "except share
			// data in thousands": share counts have a scale of their own.
			g.t.ShareScale = scaleOf(reScale.FindString(e[1])) // rare: kept to the expression
		}
		return
	}
}

// scaleOf gives the factor a matched scale note names, or zero for no
// match.
func scaleOf(m string) decimal.Decimal {
	low := strings.ToLower(m)
	switch {
	case m == "":
		return decimal.Decimal{}
	case strings.Contains(low, "billion"):
		return decimal.NewFromInt(1000000000)
	case strings.Contains(low, "million"):
		return decimal.NewFromInt(1000000)
	}
	return decimal.NewFromInt(1000)
}

// mayNameScale is a quick test that spares the scale expression: a scale
// note names thousands, millions or billions, or writes 000.
func mayNameScale(s string) bool {
	return strings.Contains(s, "housand") || strings.Contains(s, "HOUSAND") || strings.Contains(s, "illion") ||
		strings.Contains(s, "ILLION") || strings.Contains(s, "000")
}

// currencies are the words by which a scale note names a currency other
// than the dollar.
var currencies = []struct{ word, unit string }{
	{"rand", "ZAR"}, {"french franc", "FRF"}, {"frf", "FRF"}, {"pounds sterling", "GBP"}, {"sterling", "GBP"},
	{"yen", "JPY"}, {"deutsche mark", "DEM"}, {"euro", "EUR"}, {"canadian dollar", "CAD"}, {"swiss franc", "CHF"},
}

func currencyOf(s string) Unit {
	low := strings.ToLower(s)
	for _, c := range currencies {
		if indexWord(low, c.word) >= 0 {
			return Unit(c.unit)
		}
	}
	return ""
}

func classifyTitle(title string) Statement {
	switch {
	case isBalanceTitle(title):
		return Balance
	case isCashFlowTitle(title):
		return CashFlow
	case isIncomeTitle(title):
		return Income
	}
	return Other
}

// retarget moves a period to end on an exact date, keeping its length.
func retarget(p Period, end time.Time) Period {
	if p.IsInstant() {
		return Period{End: end}
	}
	return durationEnding(end, p.Months, p.Weeks)
}
