package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"finexport/templates"

	"github.com/shopspring/decimal"
)

// mapRows maps each row to canonical items. A table still unclassified
// is then classified by its items; only after that are the rows' units
// settled and their figures scaled into full units, since a row's unit
// can depend on the statement it stands in.
func (g *tableGrid) mapRows() {
	t := g.t
	for i := range t.Rows {
		r := &t.Rows[i]
		section := sectionTitle(t, r)
		if r.NotReported = underNotReported(t, r); r.NotReported || namesNotReported(r.Label) {
			continue // "Non-GAAP net income per share, diluted" is no EPS: its label, its period, no item
		}
		if m, ok := g.ctx.set.Lookup(r.Label, section); ok && fitsTable(m.Items, t.Kind, g.ctx.set) && !g.rowPercent(r) &&
			!sharesNotPerShare(m.Items, r, g.ctx.set) && !moneyUnderPerShare(m.Items, r, section, g.ctx.set) {
			r.Items, r.SignFlipped = m.Items, m.Loss // a loss line: settled below
		}
	}
	if t.Kind == Other && !g.notStatement && !g.note && !anyAt(strings.Join(t.Title, " "), reNotStatement, notStatementAt) {
		t.Kind = classifyByItems(t, g.ctx.set)
		for i := range t.Rows {
			if r := &t.Rows[i]; len(r.Items) > 0 && !fitsTable(r.Items, t.Kind, g.ctx.set) {
				r.Items, r.SignFlipped = nil, false
			}
		}
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		if r.SignFlipped {
			r.SignFlipped = len(r.Items) > 0 && !anyCell(r.Cells, func(c Cell) bool { return c.Number.Value.IsNegative() }) &&
				anyCell(r.Cells, func(c Cell) bool { return c.Number.Value.IsPositive() })
			if r.SignFlipped {
				g.ctx.warn(r.Line, quote(r.Label)+" names a loss but is printed positive; read as negative")
			}
		}
		r.Unit = inCurrency(rowUnit(r, sectionTitle(t, r), g.rowPercent(r), g.ctx.set, t.Kind), t.Currency)
		if i > 0 && len(r.Items) == 0 && isDilutionLabel(r.Label) {
			if prev := t.Rows[i-1].Unit; prev == Shares || prev == PerShare || strings.HasSuffix(string(prev), "/share") {
				r.Unit = prev // "Diluted" under "Shares used ... - Basic"
			}
		}
	}
	sharesBetweenShares(t)
	tooPrecise := 0
	for i := range t.Rows {
		r := &t.Rows[i]
		own, hasOwn := rowScale(r, t)
		for j := range r.Cells {
			c := &r.Cells[j]
			g.scaleCell(r, c, own, hasOwn)
			switch {
			case beyondSpreadsheet(c.Value):
				g.ctx.warn(c.Source.Line, "figure "+quote(c.Raw)+" is beyond what a spreadsheet holds; the workbook shows it as text, the facts CSV keeps it exact")
			case tooPrecise == 0 && c.Value.NumDigits() > 15:
				tooPrecise++
				g.ctx.warn(c.Source.Line, "figure "+quote(c.Raw)+" has more than 15 significant digits: the workbook rounds it, the facts CSV keeps it exact")
			}
		}
	}
}

// spreadsheetMax is past the largest number Excel holds (about 1e308).
var spreadsheetMax = decimal.New(1, 307)

// beyondSpreadsheet reports a figure of spreadsheetMax or more. Comparing
// with it rescales it to the figure's exponent (a 300-digit product for a
// figure in cents), so a figure of at most 300 digits left of its point,
// which is every figure of a filing, is answered from its digit count (a
// count off by one still leaves it far below).
func beyondSpreadsheet(v decimal.Decimal) bool {
	if v.NumDigits()+int(v.Exponent()) <= 300 {
		return false
	}
	return v.Abs().GreaterThanOrEqual(spreadsheetMax)
}

// sharesBetweenShares makes share counts of the unnamed rows that stand
// between two rows of share counts under a heading of their own: the
// "Dilutive effect of:" options and warrants between the basic and the
// diluted weighted shares. Money never stands there.
func sharesBetweenShares(t *Table) {
	plain := func(r *Row) bool {
		return r.Unit == t.Currency && len(r.Items) == 0 && !anyCell(r.Cells, func(c Cell) bool { return c.Number.Dollar })
	}
	for i := 1; i < len(t.Rows); i++ {
		s := t.Rows[i].Section
		if s < 0 || t.Rows[i-1].Section == s || t.Rows[i-1].Unit != Shares {
			continue
		}
		end := i
		for end < len(t.Rows) && t.Rows[end].Section == s && plain(&t.Rows[end]) {
			end++
		}
		if end == i || end >= len(t.Rows) || t.Rows[end].Section == s || t.Rows[end].Unit != Shares {
			continue
		}
		for k := i; k < end; k++ {
			t.Rows[k].Unit = Shares
		}
	}
}

// underNotReported: a row whose heading, or a section it stands in, names
// figures that are not the reported ones (non-GAAP, pro forma, adjusted).
// ("Adjustments to reconcile net income ..." heads reported lines.)
func underNotReported(t *Table, r *Row) bool {
	if namesNotReported(r.heading) {
		return true
	}
	for s := r.Section; s >= 0; s = t.Sections[s].Parent {
		if namesNotReported(t.Sections[s].Title) {
			return true
		}
	}
	return false
}

// namesNotReported: a heading over figures that are not the reported
// ones: any naming non-GAAP figures, and one that opens with "Pro forma"
// or "Adjusted". A pro forma remark in brackets ("per share (pro forma
// for 1994)") qualifies one column, not the lines.
// The words are compared with ASCII case folded, as a lower-cased copy
// compared them, without the copy.
func namesNotReported(h string) bool {
	h = strings.TrimSpace(h)
	return hasNonGAAP(h) || litAt(h, 0, "pro forma") || litAt(h, 0, "proforma") || litAt(h, 0, "adjusted ")
}

// hasNonGAAP finds "non-GAAP" however it is hyphenated: `non[\s-]*gaap`
// on the text in lower case.
func hasNonGAAP(s string) bool {
	for i := 0; i < len(s); i++ {
		if !litAt(s, i, "non") {
			continue
		}
		j := i + 3
		for j < len(s) && (isSpaceRE(s[j]) || s[j] == '-') {
			j++
		}
		if litAt(s, j, "gaap") {
			return true
		}
	}
	return false
}

func sectionTitle(t *Table, r *Row) string {
	if r.Section < 0 {
		return ""
	}
	return strings.TrimSuffix(t.Sections[r.Section].Title, ":")
}

// rowPercent: a row printed in % in its period columns. A % in a change or
// "% of sales" column leaves the row's unit alone, and so does a % beside
// amounts ("$1,940  $20  0.7%": the margin is a percentage of its own).
func (g *tableGrid) rowPercent(r *Row) bool {
	period := func(c Cell) bool { return !g.t.Columns[c.Column].Change }
	return anyCell(r.Cells, func(c Cell) bool { return period(c) && c.Number.Percent }) &&
		!anyCell(r.Cells, func(c Cell) bool { return period(c) && !c.Number.Percent && !c.Number.Value.IsZero() })
}

// moneyUnderPerShare reports a money item matched under a per-share
// heading: "Net income" under "Diluted earnings per common share:" is the
// per-share figure, not net income. A share count matched to a per-share
// label is refused too: "Net income per weighted average share, fully
// diluted" is the amount per share, not the diluted shares; "Shares used
// in per share calculation" opens with its count and stays a count.
func moneyUnderPerShare(items []string, r *Row, section string, set *templates.Set) bool {
	it, ok := set.Item(items[0])
	if !ok {
		return false
	}
	switch Unit(it.Unit) {
	case USD:
		return namesPerShare(section, r.heading, centsAfter(r), r.Label)
	case Shares:
		label := strings.ToLower(withoutParentheses(r.Label))
		return containsAny(label, perShareWords) && !hasPrefixAny(strings.TrimSpace(label), shareCountWords)
	}
	return false
}

// namesPerShare reports perShareWords in the texts joined by spaces and
// lower-cased, without the joined copy: they are folded into a stack
// buffer when ASCII (the words are; strings.ToLower turns the Kelvin sign
// and a dotted capital I into ASCII letters, so other text takes the old
// way).
func namesPerShare(texts ...string) bool {
	var buf [256]byte
	b := buf[:0]
	for k, t := range texts {
		if k > 0 {
			b = append(b, ' ')
		}
		for i := 0; i < len(t); i++ {
			if t[i] >= 0x80 {
				return containsAny(strings.ToLower(strings.Join(texts, " ")), perShareWords)
			}
			b = append(b, lowerASCII[t[i]])
		}
	}
	for _, w := range perShareBytes {
		if bytes.Contains(b, w) {
			return true
		}
	}
	return false
}

// perShareBytes are perShareWords as bytes, for namesPerShare.
var perShareBytes = func() (out [][]byte) {
	for _, w := range perShareWords {
		out = append(out, []byte(w))
	}
	return out
}()

// centsAfter returns the heading of the rows a subtotal sums when its
// figures are cents under a thousand, as per-share amounts are: "Net
// Income  $1.84" under the rows of "BASIC EARNINGS PER SHARE:". A total
// of whole amounts under such rows is the statement's own money.
func centsAfter(r *Row) string {
	if r.after == "" || len(r.Cells) == 0 || anyCell(r.Cells, func(c Cell) bool {
		return c.Number.Places < 2 && !c.Number.Value.IsZero() || c.Number.Value.Abs().GreaterThanOrEqual(decimal.NewFromInt(1000))
	}) {
		return ""
	}
	return r.after
}

func anyCell(cells []Cell, f func(Cell) bool) bool {
	for _, c := range cells {
		if f(c) {
			return true
		}
	}
	return false
}

// fitsTable: an income item is not taken from a balance sheet, and so on.
// Tables of other kinds take any item.
func fitsTable(items []string, kind Statement, set *templates.Set) bool {
	if kind == Other {
		return true
	}
	for _, id := range items {
		if it, ok := set.Item(id); ok && it.Statement != string(kind) {
			return false
		}
	}
	return true
}

func rowUnit(r *Row, section string, percent bool, set *templates.Set, kind Statement) Unit {
	if percent {
		return Percent
	}
	if len(r.Items) > 0 {
		if it, ok := set.Item(r.Items[0]); ok {
			return Unit(it.Unit)
		}
	}
	label := strings.ToLower(withoutParentheses(r.Label))
	around := func() string { return strings.ToLower(section + " " + r.heading + " " + centsAfter(r)) } // only when the label leaves it open
	dollar := anyCell(r.Cells, func(c Cell) bool { return c.Number.Dollar })
	countsShares := hasPrefixAny(label, shareCountWords)
	switch {
	case countsShares && !dollar:
		return Shares
	case kind == Balance || kind == CashFlow:
		return USD // "Common stock, $1 par; 100 shares authorized", "Proceeds from sales of shares" are money
	case containsAny(label, perShareWords) || containsAny(around(), perShareWords):
		return PerShare
	case indexWord(label, "shares") >= 0 && !dollar:
		return Shares
	case hasPrefixAny(label, pureWords) || indexWord(label, "ratio") >= 0 || indexWord(label, "ratios") >= 0:
		return Pure
	}
	return USD
}

// dilutionLabels name the second line of a basic/diluted pair, which
// takes the unit of the line above it.
var dilutionLabels = map[string]bool{"diluted": true, "basic": true, "assuming dilution": true, "fully diluted": true,
	"primary": true, "basic and diluted": true, "diluted:": true}

// isDilutionLabel: a label that is only the second half of a pair, with
// or without a leading dash ("- Diluted").
func isDilutionLabel(label string) bool {
	var buf [32]byte
	return dilutionLabels[string(lowerInto(buf[:0], strings.TrimLeft(strings.TrimSpace(label), "-–—. ")))]
}

// shareCountWords open the label of a row of share counts.
var shareCountWords = []string{"shares", "weighted average", "weighted-average", "average shares", "average number",
	"average common", "number of shares", "number of common", "common shares outstanding", "common and common equivalent shares",
	"common shares used", "shares used", "common and equivalent shares"}

var perShareWords = []string{"per share", "per-share", "per common share", "per basic", "per diluted", "per common and",
	"per weighted average", "per average share", "per average common"}

// pureWords name rows that count or compare rather than hold money.
var pureWords = []string{"number of", "employees", "headcount", "exchange rate", "stores open"}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// withoutParentheses drops the parenthesised asides of a label: "Common
// shares - ($40 par value; 15,000,000 shares authorized)".
func withoutParentheses(s string) string {
	if strings.IndexByte(s, '(') < 0 && utf8.ValidString(s) {
		return s // nothing to take out, and no byte the copy would turn into U+FFFD
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// inCurrency restates a money unit in the table's currency.
func inCurrency(u, currency Unit) Unit {
	switch {
	case currency == USD || currency == "":
		return u
	case u == USD:
		return currency
	case u == PerShare:
		return currency + "/share"
	}
	return u
}

// scaleCell applies the table's scale: to money, and to share counts unless
// the scale note excepts them; never to per-share amounts or percentages.
func (g *tableGrid) scaleCell(r *Row, c *Cell, own decimal.Decimal, hasOwn bool) {
	t := g.t
	v := c.Number.Value
	if r.SignFlipped {
		v = v.Neg()
	}
	col := t.Columns[c.Column]
	percentColumn := c.Number.Percent || col.Change && strings.Contains(col.Header, "%") // a percentage is never scaled
	scale, which := decimal.Decimal{}, unscaled
	switch {
	case hasOwn && !percentColumn && (r.Unit == t.Currency || r.Unit == Shares):
		scale, which = own, ownScale // "Shares used ... (in thousands):"
	case !percentColumn && r.Unit == Shares && !t.ShareScale.IsZero():
		scale, which = t.ShareScale, shareScale
	case !percentColumn && (r.Unit == t.Currency || r.Unit == Shares && t.ScaleShares):
		scale, which = t.Scale, tableScale
	}
	if which != unscaled && !scale.Equal(unit) {
		v = v.Mul(scale)
	}
	c.Value, c.Resolution = v, g.resolution(c.Number.Places, scale, which)
}

// Which scale a cell takes: none, the row's own, the table's for shares,
// or the table's.
const (
	unscaled = iota
	ownScale
	shareScale
	tableScale
)

// resolution is one unit of a cell's last printed digit, in full units.
// A table has few of them, so each is made once and shared by its cells
// (a decimal is never changed in place): a long table holds one per
// places and scale instead of one per cell.
func (g *tableGrid) resolution(places int32, scale decimal.Decimal, which int) decimal.Decimal {
	if which == ownScale {
		return decimal.New(1, -places).Mul(scale)
	}
	key := [2]int32{places, int32(which)}
	if r, ok := g.res[key]; ok {
		return r
	}
	r := decimal.New(1, -places)
	if which != unscaled {
		r = r.Mul(scale)
	}
	if g.res == nil {
		g.res = map[[2]int32]decimal.Decimal{}
	}
	g.res[key] = r
	return r
}

// unit is the scale of figures printed in full units.
var unit = decimal.NewFromInt(1)

// sharesNotPerShare reports a per-share item matched to a row of whole
// numbers in the thousands: share counts under an EPS heading, not EPS.
func sharesNotPerShare(items []string, r *Row, set *templates.Set) bool {
	it, ok := set.Item(items[0])
	if !ok || it.Unit != string(PerShare) {
		return false
	}
	return anyCell(r.Cells, func(c Cell) bool {
		return c.Number.Places == 0 && c.Number.Value.Abs().GreaterThanOrEqual(decimal.NewFromInt(1000))
	})
}

// rowScale reads a scale that a row's own label, or the heading over it,
// states: "Shares used in computing earnings per share (in thousands):",
// "Average number of common shares outstanding (millions)".
func rowScale(r *Row, t *Table) (decimal.Decimal, bool) {
	texts := []string{r.Label, r.heading}
	if r.Section >= 0 {
		texts = append(texts, t.Sections[r.Section].Title)
	}
	for _, s := range texts {
		if !mayNameScale(s) {
			continue // no scale word: spare the expressions
		}
		if f := scaleIn(s); f != 0 {
			return decimal.NewFromInt(f), true
		}
		if m := reBareScale.FindString(s); m != "" {
			return scaleOf(m), true
		}
	}
	return decimal.Decimal{}, false
}

// classifyByItems names an untitled table by what its rows map to.
func classifyByItems(t *Table, set *templates.Set) Statement {
	count := map[string]int{}
	for _, r := range t.Rows {
		for _, id := range r.Items {
			if it, ok := set.Item(id); ok {
				count[it.Statement]++
			}
		}
	}
	if count[string(Income)] > 1 && count[string(Balance)] > 1 {
		return Other // a summary of both: selected or highlights data
	}
	best, bestN := Other, 1
	for _, s := range []Statement{Income, Balance, CashFlow} {
		if count[string(s)] > bestN {
			best, bestN = s, count[string(s)]
		}
	}
	if best != Other && !hasAnchor(t, statementAnchors[best]) {
		return Other // expense lines alone: a stock-compensation or cost breakdown
	}
	return best
}

// statementAnchors are the lines a statement read by its rows must hold
// at least one of: an income statement earns something, a balance sheet
// totals something, a cash-flow statement nets some activity.
var statementAnchors = map[Statement][]string{
	Income:   {"revenue", "gross_profit", "operating_income", "income_before_taxes", "net_income", "eps_basic", "eps_diluted"},
	Balance:  {"total_assets", "current_assets", "current_liabilities", "total_liabilities", "equity", "liabilities_and_equity"},
	CashFlow: {"cash_from_operations", "cash_from_investing", "cash_from_financing", "net_change_in_cash"},
}

func hasAnchor(t *Table, anchors []string) bool {
	for _, r := range t.Rows {
		for _, id := range r.Items {
			for _, a := range anchors {
				if id == a {
					return true
				}
			}
		}
	}
	return false
}
