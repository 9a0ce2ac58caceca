package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

var (
	reBalanceTitle     = regexp.MustCompile(`(?i)balance\s+sheets?|financial\s+(position|condition)`)
	reCashFlowTitle    = regexp.MustCompile(`(?i)cash\s+flows?`)
	reIncomeTitle      = regexp.MustCompile(`(?i)statements?\s+of\s+(consolidated\s+)?(operations|income|earnings|loss|comprehensive)|income\s+statements?|results\s+of\s+operations|operations\s+data|profit\s+and\s+loss`)
	reTitleWords       = regexp.MustCompile(`(?i)unaudited|audited|condensed|consolidated|statements?\b|sheets?\b|\b(corp|inc|co|ltd|corporation|incorporated)\b\.?|in\s+(thousands|millions|billions)|omitted`)
	reCompanySuffixEnd = regexp.MustCompile(`(?i)\b(corp|inc|co|ltd)\.$`)
	reScale            = regexp.MustCompile(`(?i)in\s+(thousands|millions|billions)|\(?(000'?s|\$000)\)?\s+omitted|\(000'?s\)|\(\$?000\)`)
	reExcept           = regexp.MustCompile(`(?i)except\b([^)]*)`)
	rePerShare         = regexp.MustCompile(`(?i)per[- ]share`)
)

// tableGrid is a table being read.
type tableGrid struct {
	ctx    *docContext
	b      block
	t      *Table
	shapes []lineShape
}

// parseTable reads one block into a Table. Problems are reported through
// ctx and never stop the document.
func (ctx *docContext) parseTable(b block, index int) *Table {
	g := &tableGrid{ctx: ctx, b: b, t: &Table{Index: index, StartLine: b.Start, EndLine: b.End, Scale: decimal.NewFromInt(1), ScaleShares: true}}
	for _, l := range b.Lines {
		g.shapes = append(g.shapes, shapeLine(l.Text))
	}
	for _, n := range b.Notes {
		g.t.Notes = append(g.t.Notes, strings.TrimSpace(n.Text))
	}
	first := g.firstDataLine()
	if first < 0 {
		ctx.warn(b.Start, "table has no figures; kept as text")
		g.t.Kind = Other
		for _, l := range b.Lines {
			if s := strings.TrimSpace(l.Text); s != "" {
				g.t.Notes = append(g.t.Notes, s)
			}
		}
		return g.t
	}
	g.t.Columns = clusterColumns(g.shapes[first:], b.Markers)
	headers, bodyStart := g.readHeaderZone(first)
	g.readScale()
	g.t.Kind = classifyTitle(strings.Join(g.t.Title, " "))
	for i, h := range assignHeaders(g.t.Columns, headers) {
		g.t.Columns[i].Header = h
		g.t.Columns[i].Change = reChange.MatchString(h)
	}
	g.readRows(bodyStart)
	g.mapRows()
	if g.t.Kind == Other && len(g.t.Title) == 0 {
		g.t.Kind = classifyByItems(g.t, ctx.set)
	}
	return g.t
}

func isYearLine(sh lineShape) bool {
	if len(sh.Cells) == 0 || sh.Label != "" && !isHeadingText(sh.Label) {
		return false
	}
	for _, c := range sh.Cells {
		txt := strings.TrimSpace(c.Text)
		if len(txt) != 4 || !reYear.MatchString(txt) || c.Num.Dollar {
			return false
		}
	}
	return true
}

func (g *tableGrid) firstDataLine() int {
	for i, sh := range g.shapes {
		if len(sh.Cells) > 0 && !isYearLine(sh) {
			return i
		}
	}
	return -1
}

// clusterColumns finds the numeric columns from where figures stand: the
// spans of the figures on all data lines, merged where they overlap. When
// the <C> markers say fewer columns, the closest neighbours are merged.
func clusterColumns(shapes []lineShape, markers int) []Column {
	type span struct{ l, r int }
	var spans []span
	for _, sh := range shapes {
		if isYearLine(sh) {
			continue
		}
		for _, c := range sh.Cells {
			spans = append(spans, span{c.NumStart, c.End})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].l < spans[j].l })
	var cols []Column
	for _, s := range spans {
		if n := len(cols); n > 0 && s.l < cols[n-1].Right {
			cols[n-1].Right = max(cols[n-1].Right, s.r)
			continue
		}
		cols = append(cols, Column{Left: s.l, Right: s.r})
	}
	for markers > 0 && len(cols) > markers {
		best := 1
		for i := 2; i < len(cols); i++ {
			if cols[i].Left-cols[i-1].Right < cols[best].Left-cols[best-1].Right {
				best = i
			}
		}
		cols[best-1].Right = max(cols[best-1].Right, cols[best].Right)
		cols = append(cols[:best], cols[best+1:]...)
	}
	return cols
}

// headerLine is one line of column headers: its phrases and their spans.
type headerLine struct {
	N       int
	Phrases []chunk
}

// readHeaderZone sorts the lines above the first figures into titles and
// column headers, and returns where the body starts.
func (g *tableGrid) readHeaderZone(first int) ([]headerLine, int) {
	zone := g.t.Columns[0].Left
	var headers []headerLine
	lastHeader := -1
	for i := 0; i < first; i++ {
		if hl, ok := g.headerPhrases(i, zone); ok {
			headers = append(headers, hl)
			lastHeader = i
		}
	}
	for j := len(g.b.Above) - 1; j >= 0; j-- {
		if s := strings.TrimSpace(g.b.Above[j].Text); isTitleLine(g.b.Above[j].Text) && (reTitleWords.MatchString(s) || classifyTitle(s) != Other) {
			g.t.Title = append(g.t.Title, s)
		}
	}
	bodyStart := lastHeader + 1
	for i := 0; i < first; i++ {
		s := strings.TrimSpace(g.b.Lines[i].Text)
		if s == "" || isHeaderIndex(headers, g.b.Lines[i].N) || g.shapes[i].Rule != 0 && g.shapes[i].Label == "" {
			continue
		}
		if i < lastHeader || reTitleWords.MatchString(s) && !strings.HasSuffix(s, ":") {
			g.t.Title = append(g.t.Title, s)
			bodyStart = max(bodyStart, i+1)
		}
	}
	return headers, bodyStart
}

// isTitleLine tells a title above a table from the end of a paragraph of
// prose: titles are short or centred, and are not sentences.
func isTitleLine(text string) bool {
	s := strings.TrimSpace(text)
	indent := len(text) - len(strings.TrimLeft(text, " "))
	sentence := strings.HasSuffix(s, ".") && !reCompanySuffixEnd.MatchString(s)
	return !sentence && (indent >= 3 || len(s) <= 60)
}

func isHeaderIndex(h []headerLine, n int) bool {
	for _, x := range h {
		if x.N == n {
			return true
		}
	}
	return false
}

// headerPhrases returns the header phrases of line i: the text right of
// the label zone, when it names a period (or is a row of years).
func (g *tableGrid) headerPhrases(i, zone int) (headerLine, bool) {
	sh := g.shapes[i]
	hl := headerLine{N: g.b.Lines[i].N}
	if isYearLine(sh) {
		for _, c := range sh.Cells {
			hl.Phrases = append(hl.Phrases, c.chunk)
		}
		return hl, true
	}
	var words []string
	for _, c := range splitChunks(g.b.Lines[i].Text) {
		if isRuleText(c.Text) || c.End < zone-1 && c.Start < zone/2 {
			continue
		}
		hl.Phrases = append(hl.Phrases, c)
		words = append(words, c.Text)
	}
	text := strings.Join(words, " ")
	if len(hl.Phrases) == 0 || !isPeriodWords(text) && !reChange.MatchString(text) {
		return headerLine{}, false
	}
	if reTitleWords.MatchString(text) && len(hl.Phrases) == 1 && !reMonthDay.MatchString(text) && !reMonths.MatchString(text) {
		return headerLine{}, false // a title such as "Consolidated Statements of Operations"
	}
	return hl, true
}

// assignHeaders gives each column the header words over it: one phrase a
// column when a line has one for each, else the nearest phrase, so that a
// spanning "Three Months Ended" reaches both its columns.
func assignHeaders(cols []Column, headers []headerLine) []string {
	out := make([]string, len(cols))
	for _, h := range headers {
		for ci, c := range cols {
			var pick chunk
			if len(h.Phrases) == len(cols) {
				pick = h.Phrases[ci]
			} else {
				best := -1
				for _, p := range h.Phrases {
					if d := spanDistance(p.Start, p.End, c.Left, c.Right); best < 0 || d < best {
						best, pick = d, p
					}
				}
			}
			out[ci] = strings.TrimSpace(out[ci] + " " + pick.Text)
		}
	}
	return out
}

func spanDistance(a0, a1, b0, b1 int) int {
	switch {
	case a1 <= b0:
		return b0 - a1
	case b1 <= a0:
		return a0 - b1
	}
	return 0
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
		p, _, ok := ctx.resolve(c.Header, t.Kind)
		if exact, known := ctx.fyEnds[p.End.Year()]; ok && known && reYearOnly.MatchString(c.Header) {
			p = retarget(p, exact)
		}
		if ok {
			c.Period = p
			continue
		}
		unresolved = append(unresolved, "column "+itoa(i+1)+" "+quote(c.Header))
	}
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

// figureKey is an item in a period.
type figureKey struct{ item, period string }

// warnDuplicateTables flags a release that states the same figures twice,
// differently: two tables of one kind sharing a period and an item.
func (ctx *docContext) warnDuplicateTables(tables []*Table) {
	for i, a := range tables {
		seen := map[figureKey]Cell{}
		for _, r := range a.Rows {
			for _, c := range r.Cells {
				if p := a.Columns[c.Column].Period; p.Key() != "" {
					for _, id := range r.Items {
						seen[figureKey{id, p.Key()}] = c
					}
				}
			}
		}
		for _, b := range tables[i+1:] {
			if b.Kind != a.Kind || a.Kind == Other {
				continue
			}
			if msg := firstDifference(b, seen); msg != "" {
				ctx.warn(b.StartLine, "this table repeats the periods of the table at line "+itoa(a.StartLine)+" with different figures: "+msg)
			}
		}
	}
}

// firstDifference describes the first figure of t that seen states
// differently, or returns "".
func firstDifference(t *Table, seen map[figureKey]Cell) string {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			p := t.Columns[c.Column].Period
			for _, id := range r.Items {
				if prev, ok := seen[figureKey{id, p.Key()}]; ok && !prev.Value.Equal(c.Value) {
					return fmt.Sprintf("%s %s is %s at line %d and %s at line %d", id, p, prev.Value, prev.Source.Line, c.Value, c.Source.Line)
				}
			}
		}
	}
	return ""
}

func quote(s string) string {
	if s == "" {
		return "(none)"
	}
	return `"` + s + `"`
}

// readScale finds "(in thousands, except per share data)" and the like in
// the title, the header or the lines just above the table.
func (g *tableGrid) readScale() {
	var texts []string
	for _, l := range g.b.Above {
		texts = append(texts, l.Text)
	}
	for i, l := range g.b.Lines {
		if len(g.shapes[i].Cells) > 0 && !isYearLine(g.shapes[i]) {
			break
		}
		texts = append(texts, l.Text)
	}
	for _, s := range texts {
		m := reScale.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		switch strings.ToLower(m[1]) {
		case "millions":
			g.t.Scale = decimal.NewFromInt(1000000)
		case "billions":
			g.t.Scale = decimal.NewFromInt(1000000000)
		default:
			g.t.Scale = decimal.NewFromInt(1000)
		}
		if e := reExcept.FindStringSubmatch(s); e != nil && strings.Contains(strings.ToLower(rePerShare.ReplaceAllString(e[1], "")), "share") {
			g.t.ScaleShares = false
		}
		return
	}
}

func classifyTitle(title string) Statement {
	switch {
	case reBalanceTitle.MatchString(title):
		return Balance
	case reCashFlowTitle.MatchString(title):
		return CashFlow
	case reIncomeTitle.MatchString(title):
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
