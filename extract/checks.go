package extract

import (
	"errors"
	"strings"

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

// Check outcomes.
const (
	Pass CheckStatus = "pass"
	Fail CheckStatus = "fail"
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
	// Formula is what Computed evaluates, for renderers that write it as a
	// spreadsheet formula; Inputs binds each of its ids to a figure, and
	// Parts lists the rows a parts() term added up. Nil for a conflict.
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

// settle fills in the difference and the status.
func (c *Check) settle() {
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

func (e *columnEnv) cell(r *Row) *Cell {
	for i := range r.Cells {
		if r.Cells[i].Column == e.col {
			return &r.Cells[i]
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
// that has a period and reports all the check's items.
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
			ran := map[string]bool{}
			index := newColumnEnv(t, col).index
			for _, def := range set.Checks {
				if ran[def.Name] {
					continue // an alternative already ran for this column
				}
				if _, ok := index[def.Stated]; !ok || !fitsTable([]string{def.Stated}, t.Kind, set) {
					continue
				}
				if c, ok := tieOut(t, col, def, index); ok {
					out = append(out, c)
					ran[def.Name] = true
				}
			}
		}
	}
	return out
}

func tieOut(t *Table, col int, def templates.Check, index map[string]int) (Check, bool) {
	env := &columnEnv{t: t, col: col, index: index}
	stated, ok := env.Value(def.Stated)
	if !ok {
		return Check{}, false
	}
	computed, err := def.Expr.Eval(env)
	if errors.Is(err, templates.ErrNotAvailable) || err != nil {
		return Check{}, false
	}
	c := Check{
		Kind: TieOut, Name: def.Name, Item: def.Stated, Expr: def.Expr.String(),
		Period: t.Columns[col].Period, Stated: stated, Computed: computed,
		Formula: def.Expr, Inputs: bindAll(def.Expr, t.Columns[col].Period),
	}
	for _, cell := range env.read {
		c.Sources = append(c.Sources, cell.Source)
	}
	for _, part := range env.parts {
		c.Parts = append(c.Parts, part.Source)
	}
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
	c.settle()
	if c.Status == Fail {
		if alt, ok := printedSigns(t, col, def, index); ok {
			return alt, true
		}
	}
	if c.Status == Fail && !env.confident(def, c) {
		return Check{}, false // the table's layout, not its arithmetic, is in doubt
	}
	return c, true
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
	c, ok := tieOut(t, col, alt, index)
	if !ok || c.Status != Pass {
		return Check{}, false
	}
	return c, true
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
		return e.ratioTrusted(c)
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
