package extract

import (
	"slices"
	"strings"
	"unicode"

	"finexport/templates"

	"github.com/shopspring/decimal"
)

// CheckKind says what a check compares.
type CheckKind string

// Check kinds.
const (
	TieOut   CheckKind = "tie-out"  // a total against its parts
	Claim    CheckKind = "prose"    // a sentence against a table
	Conflict CheckKind = "conflict" // two documents disagree
)

// CheckStatus is the outcome of a check.
type CheckStatus string

// Check outcomes. A check that could not run (an operand not reported, a
// zero denominator) is listed as not run, with the reason, so that no
// output counts it as passed.
const (
	Pass   CheckStatus = "pass"
	Fail   CheckStatus = "fail"
	NotRun CheckStatus = "not run"
)

// Check is one comparison of a stated figure with a computed one.
type Check struct {
	Kind       CheckKind
	Name       string
	Item       string // the stated item
	Expr       string // what was computed, in template syntax
	Period     Period
	Stated     decimal.Decimal
	Computed   decimal.Decimal
	Difference decimal.Decimal // stated - computed
	Tolerance  decimal.Decimal
	Status     CheckStatus
	Sources    []Source // the stated figure first
	Detail     string   // the sentence of a prose claim
	Reason     string   // why the check did not run (Status NotRun)
	// Formula is what Computed evaluates; Inputs binds each of its ids to
	// a figure, and Parts lists the rows a parts() term added up (the
	// model binds them to its own figures: see model.Check). Nil for a
	// check that did not run.
	Formula *templates.Expr
	Inputs  map[string]CheckInput
	Parts   []Source
}

// CheckInput is the figure an id of a check's formula stands for.
type CheckInput struct {
	Item   string
	Period Period
}

// bindAll binds every id of a formula to its item in one period.
func bindAll(e *templates.Expr, p Period) map[string]CheckInput {
	in := map[string]CheckInput{}
	for _, id := range e.Items() {
		in[id] = CheckInput{Item: id, Period: p}
	}
	return in
}

// Settle fills in the difference and the status.
func (c *Check) Settle() {
	c.Difference = c.Stated.Sub(c.Computed)
	c.Status = Pass
	if c.Difference.Abs().GreaterThan(c.Tolerance) {
		c.Status = Fail
	}
}

var half = decimal.New(5, -1)

// RoundPlaces is how many decimal places a tolerance keeps.
const RoundPlaces = 6

// columnEnv serves one column of one table to a check's expression and
// records which cells it read.
type columnEnv struct {
	t     *Table
	col   int
	read  []*Cell
	parts []*Cell
	index map[string]int // item -> row, the first reported in this column
}

func newColumnEnv(t *Table, col int) *columnEnv {
	e := &columnEnv{t: t, col: col, index: map[string]int{}}
	for i := range t.Rows {
		r := &t.Rows[i]
		if len(r.Items) == 0 || e.cell(r) == nil {
			continue
		}
		for _, id := range r.Items {
			if _, ok := e.index[id]; !ok {
				e.index[id] = i
			}
		}
	}
	return e
}

// cell is the row's figure in the column, if it is in the row's unit: a
// margin printed in % beside amounts is no operand of the amounts' checks.
func (e *columnEnv) cell(r *Row) *Cell {
	for i := range r.Cells {
		if c := &r.Cells[i]; c.Column == e.col {
			if c.Number.Percent != (r.Unit == Percent) {
				return nil
			}
			return c
		}
	}
	return nil
}

func (e *columnEnv) row(id string) (*Row, *Cell) {
	i, ok := e.index[id]
	if !ok {
		return nil, nil
	}
	r := &e.t.Rows[i]
	return r, e.cell(r)
}

func (e *columnEnv) Value(id string) (decimal.Decimal, bool) {
	_, c := e.row(id)
	if c == nil {
		return decimal.Zero, false
	}
	e.read = append(e.read, c)
	return c.Value, true
}

func (e *columnEnv) Parts(id string) ([]decimal.Decimal, bool) {
	cells := e.partCells(id)
	out := make([]decimal.Decimal, len(cells))
	for i, c := range cells {
		out[i] = c.Value
	}
	e.read = append(e.read, cells...)
	e.parts = append(e.parts, cells...)
	return out, len(out) > 0
}

// partCells returns the cells a total adds up in this column: the rows of
// the section it closes, or, in a table without headings, the rows above
// it back to the previous total.
func (e *columnEnv) partCells(id string) []*Cell {
	r, _ := e.row(id)
	if r == nil {
		return nil
	}
	var out []*Cell
	for _, p := range e.t.PartsOf(r) {
		if c := e.cell(p); c != nil && p.Unit == r.Unit {
			out = append(out, c) // a "% change" line within the parts adds nothing
		}
	}
	return out
}

// runTieOuts runs every template check on every column of a statement
// that has a period and reports all the check's items. A check whose
// stated figure is in the column but that cannot run there (an operand
// not reported, a zero denominator, signs the table leaves in doubt) is
// listed as not run, with the reason.
func runTieOuts(f *Filing, set *templates.Set) []Check {
	var out []Check
	for _, t := range f.Tables {
		if t.Kind == Other {
			continue // segment, selected and note tables follow no template
		}
		for col := range t.Columns {
			if t.Columns[col].Change || t.Columns[col].Period.IsZero() {
				continue // a change, pro forma or unresolved column
			}
			out = append(out, columnTieOuts(t, col, set)...)
		}
	}
	return out
}

// columnTieOuts runs the template checks on one column; for each name,
// the first alternative whose items are all reported runs.
func columnTieOuts(t *Table, col int, set *templates.Set) []Check {
	var out []Check
	ran := map[string]bool{}
	notRun := map[string]*Check{} // the first alternative's reason, by name
	var names []string
	index := newColumnEnv(t, col).index
	for _, def := range set.Checks {
		if ran[def.Name] {
			continue // an alternative already ran for this column
		}
		if _, ok := index[def.Stated]; !ok || !fitsTable([]string{def.Stated}, t.Kind, set) {
			continue
		}
		if notRun[def.Name] == nil {
			names = append(names, def.Name)
		}
		def, own, decided := deductionSigns(t, def, index)
		if !decided {
			ran[def.Name] = true // no alternative either: it would leave the deduction out
			out = append(out, notRunCheck(t, col, def, index, "the table prints its deductions with mixed signs"))
			continue
		}
		c, ok, why := tieOut(t, col, def, index, own)
		if ok {
			out = append(out, c)
			ran[def.Name] = true
		} else if notRun[def.Name] == nil {
			nr := notRunCheck(t, col, def, index, why)
			notRun[def.Name] = &nr
		}
	}
	for _, name := range names {
		if !ran[name] {
			out = append(out, *notRun[name])
		}
	}
	return out
}

// notRunCheck lists a check that could not run on a column, and why.
func notRunCheck(t *Table, col int, def templates.Check, index map[string]int, why string) Check {
	c := Check{Kind: TieOut, Name: def.Name, Item: def.Stated, Expr: def.Expr.String(), Period: t.Columns[col].Period,
		Status: NotRun, Reason: why}
	env := &columnEnv{t: t, col: col, index: index}
	if _, cell := env.row(def.Stated); cell != nil {
		c.Stated, c.Sources = cell.Value, []Source{cell.Source}
	}
	return c
}

// notAvailable says why an expression could not be computed: the items
// the column does not report, or a zero denominator.
func notAvailable(def templates.Check, index map[string]int, err error) string {
	var missing []string
	for _, id := range def.Expr.Items() {
		if _, ok := index[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return "not reported here: " + strings.Join(missing, ", ")
	}
	return strings.TrimPrefix(err.Error(), templates.ErrNotAvailable.Error()+": ")
}

// partSources lists where the parts a check added up stand: a run of its
// sources when the parts were read in one run, as they are (a total's
// rows), so that a long table's places are not held twice. Nil when no
// parts were read.
func partSources(env *columnEnv, sources []Source) []Source {
	n := len(env.parts)
	if n == 0 {
		return nil
	}
	for k := 0; k+n <= len(env.read); k++ {
		if env.read[k] == env.parts[0] && env.read[k+n-1] == env.parts[n-1] && slices.Equal(env.read[k:k+n], env.parts) {
			return sources[k : k+n : k+n]
		}
	}
	out := make([]Source, n)
	for i, cell := range env.parts {
		out[i] = cell.Source
	}
	return out
}

// tieOut runs one check on one column. own says the formula's signs are
// already the table's own (deductionSigns): no other is tried then. When
// the check cannot run, why says so.
func tieOut(t *Table, col int, def templates.Check, index map[string]int, own bool) (Check, bool, string) {
	env := &columnEnv{t: t, col: col, index: index}
	stated, ok := env.Value(def.Stated)
	if !ok {
		return Check{}, false, "not reported here: " + def.Stated
	}
	computed, err := def.Expr.Eval(env)
	if err != nil {
		return Check{}, false, notAvailable(def, index, err)
	}
	c := Check{
		Kind: TieOut, Name: def.Name, Item: def.Stated, Expr: def.Expr.String(),
		Period: t.Columns[col].Period, Stated: stated, Computed: computed,
		Formula: def.Expr, Inputs: bindAll(def.Expr, t.Columns[col].Period),
	}
	c.Sources = make([]Source, len(env.read)) // sized once: a total may add up a long table
	for i, cell := range env.read {
		c.Sources[i] = cell.Source
	}
	c.Parts = partSources(env, c.Sources)
	statedCell := env.read[0]
	bound := def.Expr.Bound(env, func(id string) decimal.Decimal {
		if _, cell := env.row(id); cell != nil {
			return cell.Resolution.Mul(half)
		}
		return decimal.Zero
	}, func(id string) decimal.Decimal {
		var sum decimal.Decimal
		for _, cell := range env.partCells(id) {
			sum = sum.Add(cell.Resolution.Mul(half))
		}
		return sum
	})
	c.Tolerance = statedCell.Resolution.Mul(half).Add(bound).Round(RoundPlaces)
	c.Settle()
	if c.Status == Fail && !own {
		if alt, ok := printedSigns(t, col, def, index); ok {
			return alt, true, ""
		}
	}
	if c.Status == Fail && !env.confident(def, c) {
		return Check{}, false, "the table's layout is in doubt: its lines do not add up as read" // not its arithmetic
	}
	return c, true, ""
}

// printedSigns tries a difference check in the table's own convention,
// where every line adds as printed: taxes printed "(412)" under income
// before taxes are subtracted by their sign, not by the formula. It
// returns the check rewritten as a sum, when that passes.
func printedSigns(t *Table, col int, def templates.Check, index map[string]int) (Check, bool) {
	src := def.Expr.String()
	if !strings.Contains(src, " - ") || strings.ContainsAny(src, "*/()") || !subtractsNegative(t, col, src, index) {
		return Check{}, false
	}
	sum, err := templates.ParseExpr(strings.ReplaceAll(src, " - ", " + "))
	if err != nil {
		return Check{}, false
	}
	alt := def
	alt.Expr = sum
	c, ok, _ := tieOut(t, col, alt, index, true)
	if !ok || c.Status != Pass {
		return Check{}, false
	}
	return c, true
}

// deductionSigns sets the sign of the deductions a sum of lines adds, as
// "Interest expense" in operating income + interest expense + other
// income, from the table's own convention: where the table prints its
// deductions positive (Interest expense 4.0 under Operating income), they
// are subtracted; where it prints them in parentheses, they add as
// printed. The convention is read from the signs, over every period column,
// of the lines between the first operand and the stated line whose labels
// name a cost or loss and no income, never from whether the check then
// passes. It reports own when a deduction's sign was settled so, and
// decided false when the lines disagree or none shows a sign: the check
// must not run then.
func deductionSigns(t *Table, def templates.Check, index map[string]int) (out templates.Check, own, decided bool) {
	src := def.Expr.String()
	if strings.ContainsAny(src, "*/()") {
		return def, false, true
	}
	terms := strings.Fields(src)
	if _, ok := index[terms[0]]; !ok {
		return def, false, true
	}
	var deductions []int // the terms added that name a deduction
	for k := 2; k < len(terms); k += 2 {
		i, ok := index[terms[k]]
		if !ok {
			return def, false, true // the check does not run in this column
		}
		if r := &t.Rows[i]; terms[k-1] == "+" && namesDeduction(r) {
			deductions = append(deductions, k)
		}
	}
	if len(deductions) == 0 {
		return def, false, true
	}
	switch t.deductionConvention(index[terms[0]], index[def.Stated]) {
	case 0:
		return def, false, false
	case -1:
		return def, false, true // printed in parentheses: they add as printed
	}
	for _, k := range deductions {
		terms[k-1] = "-"
	}
	e, err := templates.ParseExpr(strings.Join(terms, " "))
	if err != nil {
		return def, false, false
	}
	def.Expr = e
	return def, true, true
}

// deductionConvention reads how the table prints deductions from the
// lines between rows from and to that name one: 1 positive, -1 in
// parentheses, 0 when they disagree or show no sign. A deduction whose
// label brackets an income word ("Other (income) expense, net") says
// itself that its expense is positive, whatever sign it shows.
func (t *Table) deductionConvention(from, to int) int {
	sign := 0
	for i := from + 1; i < to; i++ {
		r := &t.Rows[i]
		if !namesDeduction(r) {
			continue
		}
		s := t.printedSign(r)
		if hasWord(labelWords(r.Label), incomeWords) {
			s = 1 // "Other (income) expense": its label says expense is positive
		}
		switch {
		case s == 0:
		case sign == 0:
			sign = s
		case s != sign:
			return 0
		}
	}
	return sign
}

// printedSign is 1 when a row prints no negative figure in any period
// column and some positive one, -1 for the reverse, 0 otherwise.
func (t *Table) printedSign(r *Row) int {
	pos, neg := false, false
	for _, c := range r.Cells {
		if col := t.Columns[c.Column]; col.Change || col.Period.IsZero() {
			continue
		}
		pos = pos || c.Number.Value.IsPositive()
		neg = neg || c.Number.Value.IsNegative()
	}
	switch {
	case pos && !neg:
		return 1
	case neg && !pos:
		return -1
	}
	return 0
}

// deductionWords name a cost; incomeWords, something earned: "Other
// income (expense), net" names both and is no deduction.
var (
	deductionWords = []string{"expense", "expenses", "cost", "costs", "loss", "losses", "charge", "charges"}
	incomeWords    = []string{"income", "gain", "gains", "revenue", "revenues", "earnings", "benefit"}
)

// namesDeduction reports a line whose label names only a cost or loss
// and that is no labelled total. Words in brackets name what a figure in
// parentheses would be: "Interest expense (income), net" is a deduction,
// "Other income (expense), net" is not. A "loss" line already made
// negative (SignFlipped) has its sign settled.
func namesDeduction(r *Row) bool {
	if r.IsLabelledTotal() || r.SignFlipped {
		return false
	}
	words := labelWords(withoutParentheses(r.Label))
	return hasWord(words, deductionWords) && !hasWord(words, incomeWords)
}

func hasWord(words, set []string) bool {
	for _, w := range words {
		if slices.Contains(set, w) {
			return true
		}
	}
	return false
}

// subtractsNegative reports a difference whose subtracted line is
// printed negative in this column.
func subtractsNegative(t *Table, col int, src string, index map[string]int) bool {
	env := &columnEnv{t: t, col: col, index: index}
	parts := strings.Split(src, " - ")
	for _, p := range parts[1:] {
		id := strings.TrimSpace(strings.SplitN(p, " + ", 2)[0])
		if v, ok := env.Value(id); ok && v.IsNegative() {
			return true
		}
	}
	return false
}

// confident reports whether a failed check speaks of the filing rather
// than of how finexport read its layout. A sum of parts is trusted when
// every part has a figure here, no subtotal is counted with its own
// parts, and the total closes a section or its parts (two or more)
// start cleanly; a
// sum or difference of lines, when every line with a figure between its
// first operand and the stated line is one of its operands or a part of
// one; a ratio (EPS), unless ratioTrusted says the gap is a definition.
func (e *columnEnv) confident(def templates.Check, c Check) bool {
	src := def.Expr.String()
	if strings.Contains(src, "parts(") {
		r, _ := e.row(def.Stated)
		if r == nil {
			return false
		}
		parts := e.t.PartsOf(r)
		in := map[*Row]bool{}
		for _, p := range parts {
			if e.cell(p) == nil {
				return false
			}
			in[p] = true
		}
		for _, p := range parts {
			if p.Total == NotTotal {
				continue
			}
			sub := e.t.PartsOf(p)
			if run := e.t.addedRun(p, rowSet(sub)); run != nil {
				sub = run // the rows its figures add up, not all the walk found
			}
			for _, q := range sub {
				if in[q] {
					return false // a subtotal and its own parts both counted: the layout was misread
				}
			}
		}
		// A walk that found one row found no sum: the rule above the
		// stated line opened the lines under it ("Revenue / ---- /
		// Operating expenses"), or the table lists totals only.
		return len(parts) > 0 && (r.Closes >= 0 || len(parts) > 1 && e.walkEndsCleanly(parts))
	}
	if strings.ContainsAny(src, "*/") {
		return e.ratioTrusted(c) && e.ratioOfItsLines(def)
	}
	if !strings.ContainsAny(src, "+-") {
		return true // one figure against another: total assets = liabilities and equity
	}
	return e.accounted(def)
}

// ratioTrusted judges a failed ratio check (EPS = net income / shares):
// a dash stated, a gap within 15% (preferred dividends, a diluted
// numerator with add-backs: definitions, not misprints) or a gap of a
// thousand or a million times (a share count whose scale the filing left
// in doubt) do not make a failure.
func (e *columnEnv) ratioTrusted(c Check) bool {
	if len(e.read) > 0 && e.read[0].Number.Nil {
		return false
	}
	if c.Stated.IsZero() {
		return c.Computed.Abs().GreaterThanOrEqual(decimal.New(1, -2)) // under a cent rounds to $0.00 or so
	}
	if c.Computed.IsZero() {
		return true
	}
	ratio := c.Computed.Div(c.Stated).Abs()
	for _, doubt := range []int64{1, 1000, 1000000} {
		d := decimal.NewFromInt(doubt)
		if ratio.Sub(d).Abs().LessThanOrEqual(d.Mul(decimal.New(15, -2))) {
			return false
		}
	}
	return true
}

// qualifierWords say which income a per-share figure divides, when it is
// not the net income: from continuing operations, for one class of stock,
// attributable to the parent, before an extraordinary item.
var qualifierWords = []string{"continuing", "discontinued", "attributable", "class", "extraordinary", "cumulative", "before"}

// ratioOfItsLines judges a failed ratio (EPS = net income / shares) by
// what its lines say: the per-share figure divides the income line the
// check reads only when its label, heading and share count name no
// qualifier (continuing operations, Class A, attributable to the parent)
// that the income line's label does not name too, and when no other line
// of the table splits the income into attributable parts. Otherwise the
// gap is a definition, not a misprint.
func (e *columnEnv) ratioOfItsLines(def templates.Check) bool {
	if def.Expr.Op != '/' || def.Expr.Left.Op != 'i' || def.Expr.Right.Op != 'i' {
		return true
	}
	num, _ := e.row(def.Expr.Left.Name)
	if num == nil {
		return true
	}
	own := labelWords(num.Label)
	var said []string
	for _, id := range []string{def.Stated, def.Expr.Right.Name} {
		if r, _ := e.row(id); r != nil {
			said = append(said, labelWords(r.Label+" "+r.heading+" "+sectionTitle(e.t, r))...)
		}
	}
	for _, w := range said {
		if slices.Contains(qualifierWords, w) && !slices.Contains(own, w) {
			return false // EPS from continuing operations, or of Class A
		}
	}
	if slices.Contains(own, "attributable") {
		return true
	}
	for i := range e.t.Rows {
		if r := &e.t.Rows[i]; r != num && e.cell(r) != nil && r.Unit == num.Unit && slices.Contains(labelWords(r.Label), "attributable") {
			return false // the income is split between the parent and others
		}
	}
	return true
}

func labelWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(c rune) bool { return !unicode.IsLetter(c) })
}

// walkEndsCleanly reports whether the rows a total adds up, found by
// walking up the table, start where a group plainly starts: at the top of
// the table, under a grand total, or (in an income or cash-flow statement,
// whose subtotals run on) under a subtotal such as Gross profit. A walk
// that stopped at a labelled subtotal is judged from where that
// subtotal's own parts, or the rows of the section it closes, start.
func (e *columnEnv) walkEndsCleanly(parts []*Row) bool {
	k := e.t.rowIndex(parts[0])
	if first := parts[0]; first.IsLabelledTotal() {
		if sub := e.t.PartsOf(first); len(sub) > 0 {
			k = e.t.rowIndex(sub[0])
		}
		for j := k - 1; first.Closes >= 0 && j >= 0 && e.t.within(e.t.Rows[j].Section, first.Closes); j-- {
			k = j // the section's rows start above its first part (in a section of its own)
		}
	}
	if k <= 0 {
		return k == 0
	}
	above := &e.t.Rows[k-1]
	return above.Total == Total || above.Total == Subtotal && !above.IsLabelledTotal() && e.t.Kind != Balance
}

// accounted reports whether the rows between a check's operands and its
// stated line are all operands, or the parts of an operand total.
func (e *columnEnv) accounted(def templates.Check) bool {
	stated := e.index[def.Stated]
	operands := map[int]bool{}
	first := stated
	for _, id := range def.Expr.Items() {
		i, ok := e.index[id]
		if !ok || id == def.Stated {
			continue
		}
		if i > stated {
			return false // an operand below the stated line: no running sum
		}
		operands[i] = true
		first = min(first, i)
	}
	pending := 0
	for i := first + 1; i < stated; i++ {
		r := &e.t.Rows[i]
		if e.cell(r) == nil {
			continue
		}
		switch {
		case operands[i] && (r.Total != NotTotal || r.IsLabelledTotal()):
			pending = 0 // the rows before it were its parts
		case operands[i]:
			if pending > 0 {
				return false
			}
		default:
			pending++
		}
	}
	return pending == 0
}
