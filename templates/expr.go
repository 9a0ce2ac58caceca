package templates

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// ErrNotAvailable is returned by Eval when an input is missing or a
// denominator is zero: the result is "not available", never an error value
// or infinity in a report.
var ErrNotAvailable = errors.New("not available")

// RatioPlaces is how many decimal places a division keeps. It is applied
// explicitly with DivRound; the decimal package globals are never changed.
const RatioPlaces = 10

// Expr is a parsed expression over canonical item ids. The same tree gives a
// decimal value (Eval) and an Excel formula (Formula), so a workbook and a
// report built from one definition cannot disagree.
//
// Grammar: sum := term (("+"|"-") term)*; term := unary (("*"|"/") unary)*;
// unary := "-" unary | primary; primary := id | fn "(" sum ")" | "(" sum ")".
// Functions: parts(id), the rows a table adds up into a total; abs(x);
// loss(x), which is -x for a loss and 0 otherwise (so that "cash / loss(net
// income)" is not available for a profitable quarter); and first(x, y),
// which is x when it is available and y otherwise (so that a metric uses a
// reported figure when there is one, and its parts when not). Literal
// numbers are not allowed: a finance formula carries no constants.
type Expr struct {
	Op    byte // '+', '-', '*', '/', 'n' (negate), 'i' (item), 'f' (function)
	Name  string
	Left  *Expr
	Right *Expr
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
			return &Expr{Op: 'i', Name: name}, nil
		}
		p.pos++
		var arg *Expr
		var err error
		switch name {
		case "parts":
			p.skipSpace()
			if id := p.ident(); id != "" {
				arg = &Expr{Op: 'i', Name: id}
			} else {
				err = fmt.Errorf("parts takes one item id, at column %d", p.pos+1)
			}
		case "abs", "loss":
			arg, err = p.sum()
		case "first":
			return p.first()
		default:
			err = fmt.Errorf("unknown function %q (known: parts, abs, loss, first)", name)
		}
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, fmt.Errorf("missing ) at column %d", p.pos+1)
		}
		p.pos++
		return &Expr{Op: 'f', Name: name, Left: arg}, nil
	case c == 0:
		return nil, errors.New("expression ends too soon")
	}
	return nil, fmt.Errorf("unexpected %q at column %d", string(c), p.pos+1)
}

// first parses the two arguments of first(x, y), after its "(".
func (p *exprParser) first() (*Expr, error) {
	x, err := p.sum()
	if err != nil {
		return nil, err
	}
	if p.peek() != ',' {
		return nil, fmt.Errorf("first takes two arguments: missing , at column %d", p.pos+1)
	}
	p.pos++
	y, err := p.sum()
	if err != nil {
		return nil, err
	}
	if p.peek() != ')' {
		return nil, fmt.Errorf("missing ) at column %d", p.pos+1)
	}
	p.pos++
	return &Expr{Op: 'f', Name: "first", Left: x, Right: y}, nil
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
		walk(x.Left)
		walk(x.Right)
	}
	walk(e)
	return out
}

// Eval computes the expression. A missing item or a zero denominator gives
// ErrNotAvailable.
func (e *Expr) Eval(env Env) (decimal.Decimal, error) {
	switch e.Op {
	case 'i':
		if v, ok := env.Value(e.Name); ok {
			return v, nil
		}
		return decimal.Zero, fmt.Errorf("%w: %s missing", ErrNotAvailable, e.Name)
	case 'f':
		if e.Name == "first" {
			v, err := e.Left.Eval(env)
			if errors.Is(err, ErrNotAvailable) {
				return e.Right.Eval(env)
			}
			return v, err
		}
		if e.Name != "parts" {
			v, err := e.Left.Eval(env)
			if e.Name == "abs" {
				return v.Abs(), err
			}
			return decimal.Max(v.Neg(), decimal.Zero), err
		}
		parts, ok := env.Parts(e.Left.Name)
		if !ok {
			return decimal.Zero, fmt.Errorf("%w: parts of %s missing", ErrNotAvailable, e.Left.Name)
		}
		return decimal.Sum(decimal.Zero, parts...), nil
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

// Bound is the largest error the expression's value can carry when each
// input is off by up to its tolerance: tol(id) for an item, partsTol(id)
// for the sum of a total's parts. Sums add errors; products and quotients
// propagate them to first order. A zero denominator gives zero.
func (e *Expr) Bound(env Env, tol func(id string) decimal.Decimal, partsTol func(id string) decimal.Decimal) decimal.Decimal {
	switch e.Op {
	case 'i':
		return tol(e.Name)
	case 'f':
		if e.Name == "first" {
			if _, err := e.Left.Eval(env); err != nil {
				return e.Right.Bound(env, tol, partsTol)
			}
			return e.Left.Bound(env, tol, partsTol)
		}
		if e.Name != "parts" {
			return e.Left.Bound(env, tol, partsTol)
		}
		return partsTol(e.Left.Name)
	case 'n':
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

// Formula renders the expression as an Excel formula body (without "=").
// ref gives the cell reference of an item; parts gives the references of
// a total's parts. Either returns false when it has none.
func (e *Expr) Formula(ref func(id string) (string, bool), parts func(id string) ([]string, bool)) (string, error) {
	var b strings.Builder
	if err := e.formula(&b, ref, parts, 0); err != nil {
		return "", err
	}
	return b.String(), nil
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
		switch e.Name {
		case "first":
			return e.firstFormula(b, ref, parts, outer)
		case "abs":
			b.WriteString("ABS(")
		case "loss":
			// -MIN(x, FALSE): FALSE typed as an argument counts as zero,
			// and the formula carries no literal number.
			b.WriteString("(-MIN(")
		default:
			refs, ok := parts(e.Left.Name)
			if !ok {
				return fmt.Errorf("%w: parts of %s missing", ErrNotAvailable, e.Left.Name)
			}
			b.WriteString("SUM(" + strings.Join(refs, ",") + ")")
			return nil
		}
		if err := e.Left.formula(b, ref, parts, 0); err != nil {
			return err
		}
		b.WriteString(map[string]string{"abs": ")", "loss": ",FALSE))"}[e.Name])
		return nil
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

// firstFormula writes the first of first(x, y)'s arguments whose cells
// all exist: the same choice Eval makes, so the formula and the value agree.
func (e *Expr) firstFormula(b *strings.Builder, ref func(string) (string, bool), parts func(string) ([]string, bool), outer int) error {
	var x strings.Builder
	err := e.Left.formula(&x, ref, parts, outer)
	if errors.Is(err, ErrNotAvailable) {
		return e.Right.formula(b, ref, parts, outer)
	}
	b.WriteString(x.String())
	return err
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
		e.Left.write(b, 0)
		if e.Right != nil {
			b.WriteString(", ")
			e.Right.write(b, 0)
		}
		b.WriteString(")")
		return
	case 'n':
		b.WriteString("-")
		e.Left.write(b, precedence('n'))
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
