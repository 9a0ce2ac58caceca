package templates

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// ErrNotAvailable is returned by Eval when an input is missing or a
// denominator is zero: the result is "not available", never an error value
// or infinity in a report.
var ErrNotAvailable = errors.New("not available")

// ErrNotMeaningful is returned by Eval for an expression's "nm": a value
// exists but would mislead, such as a % change from a negative base. It is
// shown as "n/m", apart from a missing "n/a".
var ErrNotMeaningful = errors.New("not meaningful")

// NotMeaningfulText is what a formula shows for "nm".
const NotMeaningfulText = "n/m"

// pointsPerUnit turns a difference of two fractions into percentage points.
const pointsPerUnit = 100

// RatioPlaces is how many decimal places a division keeps. It is applied
// explicitly with DivRound; the decimal package globals are never changed.
const RatioPlaces = 14

// Expr is a parsed expression over canonical item ids. The same tree gives a
// decimal value (Eval) and an Excel formula (Formula), so a workbook and a
// report built from one definition cannot disagree.
//
// Grammar: sum := term (("+"|"-") term)*; term := unary (("*"|"/") unary)*;
// unary := "-" unary | primary; primary := id | "nm" | fn "(" sum ")" |
// "(" sum ")". Functions: parts(id), the rows a table adds up into a total;
// abs(x); points(x), a
// difference of fractions in percentage points; unless(id, x), x where id
// is not reported (and not available where it is); first(x, y), x when it
// is available and y otherwise (a metric uses a reported figure when there
// is one, and its parts when not); and if(cond, x, y),
// where cond := sum cmp (sum | "0") ("and" ...)* and cmp is one of
// < <= > >= = <>. "nm" is a result that is not meaningful (ErrNotMeaningful).
// An id may name an earlier metric: Load links it to that metric's tree.
// Literal numbers are not allowed, but for the 0 a condition compares
// with: a finance formula carries no constants.
type Expr struct {
	Op    byte // '+', '-', '*', '/', 'n' (negate), 'i' (item), 'f' (function), 'm' (metric), '?' (if), 'c' (compare), '&' (and), '0' (zero), 'x' (nm)
	Name  string
	Left  *Expr
	Right *Expr
	Cond  *Expr // of an if
}

// Env supplies values to Eval.
type Env interface {
	// Value returns the value of a canonical item, or false when absent.
	Value(id string) (decimal.Decimal, bool)
	// Parts returns the values of the rows that a total adds up, as laid
	// out in the table, or false when the total is absent.
	Parts(id string) ([]decimal.Decimal, bool)
}

// ParseExpr parses an expression.
func ParseExpr(src string) (*Expr, error) {
	p := &exprParser{src: src}
	e, err := p.sum()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		return nil, fmt.Errorf("unexpected %q at column %d", p.src[p.pos:], p.pos+1)
	}
	return e, nil
}

type exprParser struct {
	src string
	pos int
}

func (p *exprParser) skipSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *exprParser) peek() byte {
	p.skipSpace()
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

func (p *exprParser) sum() (*Expr, error) {
	left, err := p.term()
	for err == nil && (p.peek() == '+' || p.peek() == '-') {
		op := p.src[p.pos]
		p.pos++
		var right *Expr
		if right, err = p.term(); err == nil {
			left = &Expr{Op: op, Left: left, Right: right}
		}
	}
	return left, err
}

func (p *exprParser) term() (*Expr, error) {
	left, err := p.unary()
	for err == nil && (p.peek() == '*' || p.peek() == '/') {
		op := p.src[p.pos]
		p.pos++
		var right *Expr
		if right, err = p.unary(); err == nil {
			left = &Expr{Op: op, Left: left, Right: right}
		}
	}
	return left, err
}

func (p *exprParser) unary() (*Expr, error) {
	if p.peek() == '-' {
		p.pos++
		inner, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &Expr{Op: 'n', Left: inner}, nil
	}
	return p.primary()
}

func (p *exprParser) primary() (*Expr, error) {
	c := p.peek()
	switch {
	case c == '(':
		p.pos++
		e, err := p.sum()
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, fmt.Errorf("missing ) at column %d", p.pos+1)
		}
		p.pos++
		return e, nil
	case c >= '0' && c <= '9' || c == '.':
		return nil, fmt.Errorf("literal number at column %d: formulas take item ids only", p.pos+1)
	case isIdentByte(c):
		name := p.ident()
		if p.peek() != '(' {
			if name == "nm" {
				return &Expr{Op: 'x'}, nil
			}
			return &Expr{Op: 'i', Name: name}, nil
		}
		p.pos++
		e, err := p.call(name)
		if err != nil {
			return nil, err
		}
		if err := p.expect(')'); err != nil {
			return nil, err
		}
		return e, nil
	case c == 0:
		return nil, errors.New("expression ends too soon")
	}
	return nil, fmt.Errorf("unexpected %q at column %d", string(c), p.pos+1)
}

// call parses a function's arguments, after its "(".
func (p *exprParser) call(name string) (*Expr, error) {
	switch name {
	case "parts":
		id, err := p.itemID(name)
		return &Expr{Op: 'f', Name: name, Left: id}, err
	case "abs", "points":
		arg, err := p.sum()
		return &Expr{Op: 'f', Name: name, Left: arg}, err
	case "unless":
		id, err := p.itemID(name)
		if err == nil {
			err = p.expect(',')
		}
		var arg *Expr
		if err == nil {
			arg, err = p.sum()
		}
		return &Expr{Op: 'f', Name: name, Left: arg, Right: id}, err
	case "if":
		return p.conditional()
	case "first":
		x, err := p.sum()
		if err == nil {
			err = p.expect(',')
		}
		var y *Expr
		if err == nil {
			y, err = p.sum()
		}
		return &Expr{Op: 'f', Name: name, Left: x, Right: y}, err
	}
	return nil, fmt.Errorf("unknown function %q (known: parts, abs, points, unless, first, if)", name)
}

func (p *exprParser) itemID(fn string) (*Expr, error) {
	p.skipSpace()
	if id := p.ident(); id != "" {
		return &Expr{Op: 'i', Name: id}, nil
	}
	return nil, fmt.Errorf("%s takes an item id first, at column %d", fn, p.pos+1)
}

func (p *exprParser) expect(c byte) error {
	if p.peek() != c {
		return fmt.Errorf("missing %c at column %d", c, p.pos+1)
	}
	p.pos++
	return nil
}

// conditional parses "cond, then, else" of an if.
func (p *exprParser) conditional() (*Expr, error) {
	e := &Expr{Op: '?'}
	var err error
	if e.Cond, err = p.condition(); err != nil {
		return nil, err
	}
	for _, branch := range []**Expr{&e.Left, &e.Right} {
		if err := p.expect(','); err != nil {
			return nil, err
		}
		if *branch, err = p.sum(); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// condition parses comparisons joined by "and".
func (p *exprParser) condition() (*Expr, error) {
	left, err := p.comparison()
	for err == nil && p.keyword("and") {
		var right *Expr
		if right, err = p.comparison(); err == nil {
			left = &Expr{Op: '&', Left: left, Right: right}
		}
	}
	return left, err
}

func (p *exprParser) comparison() (*Expr, error) {
	left, err := p.sum()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	var op string
	for _, o := range []string{"<=", ">=", "<>", "<", ">", "="} {
		if strings.HasPrefix(p.src[p.pos:], o) {
			op = o
			break
		}
	}
	if op == "" {
		return nil, fmt.Errorf("want a comparison (< <= > >= = <>) at column %d", p.pos+1)
	}
	p.pos += len(op)
	var right *Expr
	if p.peek() == '0' && !p.digitAt(p.pos+1) {
		p.pos++
		right = &Expr{Op: '0'}
	} else if right, err = p.sum(); err != nil {
		return nil, err
	}
	return &Expr{Op: 'c', Name: op, Left: left, Right: right}, nil
}

func (p *exprParser) digitAt(i int) bool {
	return i < len(p.src) && (p.src[i] >= '0' && p.src[i] <= '9' || p.src[i] == '.')
}

// keyword consumes a word such as "and" when it stands next.
func (p *exprParser) keyword(w string) bool {
	p.skipSpace()
	end := p.pos + len(w)
	if !strings.HasPrefix(p.src[p.pos:], w) || end < len(p.src) && isIdentByte(p.src[end]) {
		return false
	}
	p.pos = end
	return true
}

func (p *exprParser) ident() string {
	start := p.pos
	for p.pos < len(p.src) && isIdentByte(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

func isIdentByte(c byte) bool {
	return c == '_' || c < 128 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)))
}

// Items lists the item ids the expression reads, in order of appearance,
// each once.
func (e *Expr) Items() []string {
	var out []string
	seen := map[string]bool{}
	var walk func(*Expr)
	walk = func(x *Expr) {
		if x == nil {
			return
		}
		if x.Op == 'i' && !seen[x.Name] {
			seen[x.Name] = true
			out = append(out, x.Name)
		}
		walk(x.Cond)
		walk(x.Left)
		walk(x.Right)
	}
	walk(e)
	return out
}

// Eval computes the expression. A missing item or a zero denominator gives
// ErrNotAvailable; "nm" gives ErrNotMeaningful.
func (e *Expr) Eval(env Env) (decimal.Decimal, error) {
	switch e.Op {
	case 'i':
		if v, ok := env.Value(e.Name); ok {
			return v, nil
		}
		return decimal.Zero, fmt.Errorf("%w: %s missing", ErrNotAvailable, e.Name)
	case 'f':
		return e.evalFunction(env)
	case 'm':
		return e.Left.Eval(env)
	case '0':
		return decimal.Zero, nil
	case 'x':
		return decimal.Zero, ErrNotMeaningful
	case '?':
		holds, err := e.Cond.holds(env)
		if err != nil {
			return decimal.Zero, err
		}
		if holds {
			return e.Left.Eval(env)
		}
		return e.Right.Eval(env)
	case 'n':
		v, err := e.Left.Eval(env)
		return v.Neg(), err
	}
	l, err := e.Left.Eval(env)
	if err != nil {
		return decimal.Zero, err
	}
	r, err := e.Right.Eval(env)
	if err != nil {
		return decimal.Zero, err
	}
	switch e.Op {
	case '+':
		return l.Add(r), nil
	case '-':
		return l.Sub(r), nil
	case '*':
		return l.Mul(r), nil
	}
	if r.IsZero() {
		return decimal.Zero, fmt.Errorf("%w: division by zero", ErrNotAvailable)
	}
	return l.DivRound(r, RatioPlaces), nil
}

func (e *Expr) evalFunction(env Env) (decimal.Decimal, error) {
	switch e.Name {
	case "parts":
		parts, ok := env.Parts(e.Left.Name)
		if !ok {
			return decimal.Zero, fmt.Errorf("%w: parts of %s missing", ErrNotAvailable, e.Left.Name)
		}
		return sumParts(parts), nil
	case "unless":
		if _, reported := env.Value(e.Right.Name); reported {
			return decimal.Zero, fmt.Errorf("%w: %s is reported", ErrNotAvailable, e.Right.Name)
		}
	case "first":
		v, err := e.Left.Eval(env)
		if errors.Is(err, ErrNotAvailable) {
			return e.Right.Eval(env)
		}
		return v, err
	}
	v, err := e.Left.Eval(env)
	switch e.Name {
	case "abs":
		return v.Abs(), err
	case "points":
		return v.Mul(decimal.NewFromInt(pointsPerUnit)), err
	}
	return v, err
}

// holds evaluates a condition: comparisons joined by "and". Every input
// is read, as Excel's AND does: a missing one makes the whole not available.
func (e *Expr) holds(env Env) (bool, error) {
	if e.Op == '&' {
		l, errL := e.Left.holds(env)
		r, errR := e.Right.holds(env)
		return l && r, errors.Join(errL, errR)
	}
	l, errL := e.Left.Eval(env)
	r, errR := e.Right.Eval(env)
	if err := errors.Join(errL, errR); err != nil {
		return false, err
	}
	c := l.Cmp(r)
	return map[string]bool{"<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0, "=": c == 0, "<>": c != 0}[e.Name], nil
}

// Bound is the largest error the expression's value can carry when each
// input is off by up to its tolerance: tol(id) for an item, partsTol(id)
// for the sum of a total's parts. Sums add errors; products and quotients
// propagate them to first order. A zero denominator gives zero.
func (e *Expr) Bound(env Env, tol func(id string) decimal.Decimal, partsTol func(id string) decimal.Decimal) decimal.Decimal {
	switch e.Op {
	case 'i':
		return tol(e.Name)
	case 'f':
		switch e.Name {
		case "parts":
			return partsTol(e.Left.Name)
		case "points":
			return e.Left.Bound(env, tol, partsTol).Mul(decimal.NewFromInt(pointsPerUnit))
		case "first": // only the argument it takes
			if _, err := e.Left.Eval(env); errors.Is(err, ErrNotAvailable) {
				return e.Right.Bound(env, tol, partsTol)
			}
		}
		return e.Left.Bound(env, tol, partsTol)
	case 'n', 'm':
		return e.Left.Bound(env, tol, partsTol)
	case '0', 'x':
		return decimal.Zero
	case '?':
		if holds, err := e.Cond.holds(env); err != nil || !holds {
			return e.Right.Bound(env, tol, partsTol)
		}
		return e.Left.Bound(env, tol, partsTol)
	}
	ta, tb := e.Left.Bound(env, tol, partsTol), e.Right.Bound(env, tol, partsTol)
	if e.Op == '+' || e.Op == '-' {
		return ta.Add(tb)
	}
	a, errA := e.Left.Eval(env)
	b, errB := e.Right.Eval(env)
	if errA != nil || errB != nil {
		return decimal.Zero
	}
	cross := a.Abs().Mul(tb).Add(b.Abs().Mul(ta))
	if e.Op == '*' {
		return cross
	}
	if b.IsZero() {
		return decimal.Zero
	}
	return cross.DivRound(b.Mul(b), RatioPlaces)
}

// NotAvailable is what a formula shows where Eval gives ErrNotAvailable
// for a zero denominator.
const NotAvailable = "n/a"

// Formula renders the expression as an Excel formula body (without "=").
// ref gives the cell reference of an item; parts gives the references of
// a total's parts. Either returns false when it has none.
//
// A division is guarded against a zero denominator, and against nothing
// else: IF(B1,A1/B1,"n/a") (a number is true unless zero, and the formula
// carries no literal number). A #REF! or #VALUE! that an edit causes
// shows as the error it is.
func (e *Expr) Formula(ref func(id string) (string, bool), parts func(id string) ([]string, bool)) (string, error) {
	var b strings.Builder
	if err := e.guardedFormula(&b, ref, parts); err != nil {
		return "", err
	}
	return b.String(), nil
}

// guardedFormula writes the formula with each of its denominators tested
// for zero, the innermost first: IF evaluates only the branch it takes, so
// no test divides by zero itself. The branches of an if guard their own
// divisions (the one not taken never divides, as in Eval).
func (e *Expr) guardedFormula(b *strings.Builder, ref func(string) (string, bool), parts func(string) ([]string, bool)) error {
	var body strings.Builder
	if err := e.formula(&body, ref, parts, 0); err != nil {
		return err
	}
	dens, err := e.denominators(ref, parts)
	if err != nil {
		return err
	}
	for _, d := range dens {
		b.WriteString("IF(" + d + ",")
	}
	b.WriteString(body.String())
	for range dens {
		b.WriteString(`,"` + NotAvailable + `")`)
	}
	return nil
}

// denominators renders every denominator of the expression, each once,
// innermost first: not those inside an if's branches, nor those of a
// metric shown in a cell of its own.
func (e *Expr) denominators(ref func(string) (string, bool), parts func(string) ([]string, bool)) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	var walk func(*Expr) error
	walk = func(x *Expr) error {
		if x == nil || x.Op == 'f' && x.Name == "parts" {
			return nil
		}
		if x.Op == '?' {
			return walk(x.Cond)
		}
		if x.Op == 'f' && x.Name == "first" { // the argument the formula takes
			var b strings.Builder
			if err := x.Left.formula(&b, ref, parts, 0); errors.Is(err, ErrNotAvailable) {
				return walk(x.Right)
			}
			return walk(x.Left)
		}
		if x.Op == 'm' {
			if _, ok := ref(x.Name); ok {
				return nil
			}
		}
		if err := walk(x.Left); err != nil {
			return err
		}
		if err := walk(x.Right); err != nil {
			return err
		}
		if x.Op != '/' {
			return nil
		}
		var b strings.Builder
		if err := x.Right.formula(&b, ref, parts, 0); err != nil {
			return err
		}
		if d := b.String(); !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
		return nil
	}
	return out, walk(e)
}

func precedence(op byte) int {
	switch op {
	case '+', '-':
		return 1
	case '*', '/':
		return 2
	case 'n':
		return 3
	}
	return 4
}

func (e *Expr) formula(b *strings.Builder, ref func(string) (string, bool), parts func(string) ([]string, bool), outer int) error {
	switch e.Op {
	case 'i':
		r, ok := ref(e.Name)
		if !ok {
			return fmt.Errorf("%w: %s missing", ErrNotAvailable, e.Name)
		}
		b.WriteString(r)
		return nil
	case 'f':
		return e.functionFormula(b, ref, parts, outer)
	case 'm':
		// A metric's own cell when the sheet has one, else its formula.
		if r, ok := ref(e.Name); ok {
			b.WriteString(r)
			return nil
		}
		return e.Left.formula(b, ref, parts, outer)
	case '0':
		b.WriteString("0")
		return nil
	case 'x':
		b.WriteString(`"` + NotMeaningfulText + `"`)
		return nil
	case '?':
		return e.ifFormula(b, ref, parts)
	case 'c', '&':
		return e.conditionFormula(b, ref, parts)
	case 'n':
		b.WriteString("-")
		return e.Left.formula(b, ref, parts, precedence('n'))
	}
	prec := precedence(e.Op)
	if prec < outer {
		b.WriteString("(")
	}
	if err := e.Left.formula(b, ref, parts, prec); err != nil {
		return err
	}
	b.WriteByte(e.Op)
	// The right operand of - and / binds tighter: a-(b-c) keeps its brackets.
	rightPrec := prec
	if e.Op == '-' || e.Op == '/' {
		rightPrec = prec + 1
	}
	if err := e.Right.formula(b, ref, parts, rightPrec); err != nil {
		return err
	}
	if prec < outer {
		b.WriteString(")")
	}
	return nil
}

func (e *Expr) functionFormula(b *strings.Builder, ref func(string) (string, bool), parts func(string) ([]string, bool), outer int) error {
	switch e.Name {
	case "parts":
		refs, ok := parts(e.Left.Name)
		if !ok {
			return fmt.Errorf("%w: parts of %s missing", ErrNotAvailable, e.Left.Name)
		}
		b.WriteString("SUM(" + strings.Join(refs, ",") + ")")
		return nil
	case "unless":
		if _, reported := ref(e.Right.Name); reported {
			return fmt.Errorf("%w: %s is reported", ErrNotAvailable, e.Right.Name)
		}
		return e.Left.formula(b, ref, parts, outer)
	case "first":
		// The first argument whose cells all exist: the choice Eval
		// makes, so the formula and the value agree.
		var x strings.Builder
		if err := e.Left.formula(&x, ref, parts, outer); errors.Is(err, ErrNotAvailable) {
			return e.Right.formula(b, ref, parts, outer)
		} else if err != nil {
			return err
		}
		b.WriteString(x.String())
		return nil
	case "points":
		// x*100, bracketed as a product would be.
		prec := precedence('*')
		open, close := "", ""
		if prec < outer {
			open, close = "(", ")"
		}
		b.WriteString(open)
		if err := e.Left.formula(b, ref, parts, prec); err != nil {
			return err
		}
		b.WriteString("*" + strconv.Itoa(pointsPerUnit) + close)
		return nil
	}
	b.WriteString("ABS(")
	if err := e.Left.formula(b, ref, parts, 0); err != nil {
		return err
	}
	b.WriteString(")")
	return nil
}

// ifFormula writes IF(cond,then,else).
func (e *Expr) ifFormula(b *strings.Builder, ref func(string) (string, bool), parts func(string) ([]string, bool)) error {
	b.WriteString("IF(")
	if err := e.Cond.formula(b, ref, parts, 0); err != nil {
		return err
	}
	for _, x := range []*Expr{e.Left, e.Right} {
		b.WriteString(",")
		if err := x.guardedFormula(b, ref, parts); err != nil {
			return err
		}
	}
	b.WriteString(")")
	return nil
}

// conditionFormula writes a comparison, or AND(...) of those an "and"
// joins.
func (e *Expr) conditionFormula(b *strings.Builder, ref func(string) (string, bool), parts func(string) ([]string, bool)) error {
	if e.Op == 'c' {
		if err := e.Left.formula(b, ref, parts, 0); err != nil {
			return err
		}
		b.WriteString(e.Name)
		return e.Right.formula(b, ref, parts, 0)
	}
	b.WriteString("AND(")
	for i, c := range e.comparisons() {
		if i > 0 {
			b.WriteString(",")
		}
		if err := c.formula(b, ref, parts, 0); err != nil {
			return err
		}
	}
	b.WriteString(")")
	return nil
}

// comparisons lists the comparisons an "and" joins, left to right.
func (e *Expr) comparisons() []*Expr {
	if e.Op != '&' {
		return []*Expr{e}
	}
	return append(e.Left.comparisons(), e.Right.comparisons()...)
}

// String renders the expression in template syntax.
func (e *Expr) String() string {
	var b strings.Builder
	e.write(&b, 0)
	return b.String()
}

func (e *Expr) write(b *strings.Builder, outer int) {
	switch e.Op {
	case 'i':
		b.WriteString(e.Name)
		return
	case 'f':
		b.WriteString(e.Name + "(")
		if e.Name == "unless" {
			b.WriteString(e.Right.Name + ", ")
		}
		e.Left.write(b, 0)
		if e.Name == "first" {
			b.WriteString(", ")
			e.Right.write(b, 0)
		}
		b.WriteString(")")
		return
	case 'n':
		b.WriteString("-")
		e.Left.write(b, precedence('n'))
		return
	case 'm':
		b.WriteString(e.Name)
		return
	case '0':
		b.WriteString("0")
		return
	case 'x':
		b.WriteString("nm")
		return
	case '?':
		b.WriteString("if(")
		e.Cond.write(b, 0)
		b.WriteString(", ")
		e.Left.write(b, 0)
		b.WriteString(", ")
		e.Right.write(b, 0)
		b.WriteString(")")
		return
	case 'c', '&':
		e.Left.write(b, 0)
		b.WriteString(" " + map[byte]string{'c': e.Name, '&': "and"}[e.Op] + " ")
		e.Right.write(b, 0)
		return
	}
	prec := precedence(e.Op)
	if prec < outer {
		b.WriteString("(")
	}
	e.Left.write(b, prec)
	b.WriteString(" " + string(e.Op) + " ")
	right := prec
	if e.Op == '-' || e.Op == '/' {
		right++
	}
	e.Right.write(b, right)
	if prec < outer {
		b.WriteString(")")
	}
}

// sumParts is decimal.Sum(decimal.Zero, parts...) - the same value at the
// same exponent, the least of the parts' and Zero's - added up in an
// int64 when every part's coefficient has at most 15 digits, the exponents
// are at most three apart and the sum stays in range, without a decimal
// made for each part added (a total over a long table adds up tens of
// thousands of rows); otherwise by decimal.Sum.
func sumParts(parts []decimal.Decimal) decimal.Decimal {
	exp := decimal.Zero.Exponent()
	for _, p := range parts {
		exp = min(exp, p.Exponent())
	}
	var sum int64
	for _, p := range parts {
		shift := p.Exponent() - exp
		if shift > 3 || p.NumDigits() > 15 {
			return decimal.Sum(decimal.Zero, parts...)
		}
		v := p.CoefficientInt64() * pow10[shift] // under 10^18: no overflow
		if v > 0 && sum > math.MaxInt64-v || v < 0 && sum < math.MinInt64-v {
			return decimal.Sum(decimal.Zero, parts...)
		}
		sum += v
	}
	return decimal.New(sum, exp)
}

var pow10 = [...]int64{1, 10, 100, 1000}
