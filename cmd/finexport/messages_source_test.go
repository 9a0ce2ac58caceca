package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Every message a diagnostic can carry has a case in messageCases: the
// messages are read from the source, where they are made - a call of
// warn, note or diag (line, message), or a Diagnostic or problem literal
// - and each must match the message of a case. The parts the code fills
// in (a label, a count, a line) match anything; a variable that the
// function assigns a message stands for each message assigned.
func TestEveryMessageHasACase(t *testing.T) {
	sites := messageSites(t, filepath.Join("..", ".."))
	if len(sites) == 0 {
		t.Fatal("no message found in the source: the search is broken")
	}
	matched := make([]bool, len(messageCases))
	for _, s := range sites {
		for _, p := range s.patterns {
			re := regexp.MustCompile("^" + p + "$")
			found := false
			for i, c := range messageCases {
				if re.MatchString(strings.ReplaceAll(c.msg, "{dir}", "DIR")) {
					found, matched[i] = true, true
				}
			}
			if !found {
				t.Errorf("%s: message %q has no case in messageCases", s.pos, readable(p))
			}
		}
	}
	for i, ok := range matched {
		if !ok {
			t.Errorf("case %q: its message %q is made nowhere in the source", messageCases[i].name, messageCases[i].msg)
		}
	}
}

// A hand-made list of messages the search must find, so that it cannot
// pass by finding too little.
func TestMessageSearchFindsKnownSites(t *testing.T) {
	var all []string
	for _, s := range messageSites(t, filepath.Join("..", "..")) {
		for _, p := range s.patterns {
			all = append(all, readable(p))
		}
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{
		// A literal, by ctx.warn.
		"table has no figures; kept as text",
		// A problem literal.
		"<DOCUMENT> inside a <DOCUMENT>",
		// An HTML grid's warn.
		"figure \"…\" stands in a column another figure of its row took; skipped",
		// A concatenation.
		"… resolves to no period; its figures are kept without one",
		// A variable set by fmt.Sprintf.
		"this table repeats the periods of the table at line … with different figures: … … is … at line … and … at line …",
		// One of a variable's values.
		"release date … … has no year: … from the filing date …",
		// A Diagnostic literal in the model.
		"two balance-sheet dates in …: … closes the quarter, … is kept on a sheet of its own",
		// The command's own.
		"the same file as … (SHA-256); read once",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the search misses %q; it found:\n%s", want, got)
		}
	}
}

// messageSite is where a message is made, and the messages it can make,
// as regular expressions.
type messageSite struct {
	pos      token.Position
	patterns []string
}

// anyText stands for a part of a message that the code fills in.
const anyText = ".*"

var reEscape = regexp.MustCompile(`\\(.)`)

// readable shows a message pattern with "…" for the parts filled in.
func readable(p string) string {
	return reEscape.ReplaceAllString(strings.ReplaceAll(p, anyText, "…"), "$1")
}

// messageSites reads every Go file under root but tests and test data.
func messageSites(t *testing.T, root string) []messageSite {
	t.Helper()
	fset := token.NewFileSet()
	var sites []messageSite
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Body != nil {
				sites = append(sites, sitesIn(t, fset, fn)...)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sites
}

// sitesIn finds the messages a function makes.
func sitesIn(t *testing.T, fset *token.FileSet, fn *ast.FuncDecl) []messageSite {
	var sites []messageSite
	add := func(msg ast.Expr) {
		pos := fset.Position(msg.Pos())
		patterns := messagePatterns(msg, fn, 0)
		if len(patterns) == 1 && patterns[0] == anyText {
			if !forwarded(msg, fn) {
				t.Errorf("%s: a message this test cannot read; write it as a literal, a concatenation or fmt.Sprintf", pos)
			}
			return // passed on from where it was made
		}
		sites = append(sites, messageSite{pos, patterns})
	}
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if name := calleeName(n.Fun); (name == "warn" || name == "note" || name == "diag") && len(n.Args) == 2 {
				add(n.Args[1])
			}
		case *ast.CompositeLit:
			switch calleeName(n.Type) {
			case "Diagnostic":
				if v := field(n, "Msg", -1); v != nil {
					add(v)
				}
			case "problem":
				if v := field(n, "Msg", 1); v != nil {
					add(v)
				}
			}
		}
		return true
	})
	return sites
}

// calleeName is the name a function or type is called by: warn,
// ctx.warn, extract.Diagnostic.
func calleeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// field is a composite literal's field by its key, or by its place when
// the literal names no keys (at < 0: never by place).
func field(lit *ast.CompositeLit, key string, at int) ast.Expr {
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if calleeName(kv.Key) == key {
				return kv.Value
			}
		} else if i == at {
			return e
		}
	}
	return nil
}

// forwarded reports a message passed on, not made: a parameter of the
// function (warn's msg) or another diagnostic's Msg.
func forwarded(msg ast.Expr, fn *ast.FuncDecl) bool {
	switch m := msg.(type) {
	case *ast.SelectorExpr:
		return m.Sel.Name == "Msg"
	case *ast.Ident:
		for _, p := range fn.Type.Params.List {
			for _, name := range p.Names {
				if name.Name == m.Name {
					return true
				}
			}
		}
	}
	return false
}

// messagePatterns gives the messages an expression can make, as regular
// expressions: literal text quoted, fmt.Sprintf's verbs and every other
// value anyText, and a variable the function assigns each of its values.
func messagePatterns(e ast.Expr, fn *ast.FuncDecl, depth int) []string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, err := strconv.Unquote(e.Value); err == nil && e.Kind == token.STRING {
			return []string{regexp.QuoteMeta(s)}
		}
	case *ast.ParenExpr:
		return messagePatterns(e.X, fn, depth)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return joinPatterns(messagePatterns(e.X, fn, depth), messagePatterns(e.Y, fn, depth))
		}
	case *ast.CallExpr:
		if calleeName(e.Fun) == "Sprintf" && len(e.Args) > 0 {
			if lit, ok := e.Args[0].(*ast.BasicLit); ok {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					return []string{formatPattern(s)}
				}
			}
		}
	case *ast.Ident:
		if depth < 3 {
			var out []string
			for _, v := range assigned(fn, e.Name) {
				for _, p := range messagePatterns(v, fn, depth+1) {
					if p != "" { // a message not yet made ("")
						out = append(out, p)
					}
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return []string{anyText}
}

// joinPatterns is every pattern of a followed by every pattern of b.
func joinPatterns(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			s := x + y
			for strings.Contains(s, anyText+anyText) {
				s = strings.ReplaceAll(s, anyText+anyText, anyText)
			}
			out = append(out, s)
		}
	}
	return out
}

var reVerb = regexp.MustCompile(`%[-+# 0]*[0-9*]*(\.[0-9*]+)?[a-zA-Z%]`)

// formatPattern turns a fmt format into a pattern: each verb anyText.
func formatPattern(format string) string {
	var b strings.Builder
	last := 0
	for _, m := range reVerb.FindAllStringIndex(format, -1) {
		b.WriteString(regexp.QuoteMeta(format[last:m[0]]))
		if format[m[0]:m[1]] == "%%" {
			b.WriteString("%")
		} else {
			b.WriteString(anyText)
		}
		last = m[1]
	}
	b.WriteString(regexp.QuoteMeta(format[last:]))
	return b.String()
}

// assigned lists the values the function assigns to a variable.
func assigned(fn *ast.FuncDecl, name string) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == name {
						out = append(out, n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if id.Name == name && i < len(n.Values) {
					out = append(out, n.Values[i])
				}
			}
		}
		return true
	})
	return out
}
