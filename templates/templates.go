// Package templates holds finexport's definitions: the chart of accounts and
// its synonyms, the tie-out checks and the metrics. They are plain text files
// meant to be edited by finance users without a Go toolchain; the defaults
// are embedded in the binary and can be written out and replaced.
//
// Load reads a set from any fs.FS and reports every problem as file:line.
// extract maps rows and runs checks with the result; workbook and pdfreport
// read the same expressions, so a figure is defined exactly once.
package templates

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed defaults/*.txt
var defaults embed.FS

// File names inside a template folder.
const (
	ItemsFile    = "items.txt"
	SynonymsFile = "synonyms.txt"
	ChecksFile   = "checks.txt"
	MetricsFile  = "metrics.txt"
)

// Item kinds.
const (
	KindFlow    = "flow"    // duration amount, derivable by subtraction
	KindStock   = "stock"   // balance at an instant
	KindAverage = "average" // duration figure that cannot be subtracted
)

// Item is one canonical line item.
type Item struct {
	ID        string
	Statement string // income, balance, cashflow
	Unit      string // USD, USD/share, shares, percent, pure
	Kind      string
	Total     string // id of the item this one is a part of
	Name      string
	Line      int
}

// Synonym maps a normalised label (or a * pattern) to items.
type Synonym struct {
	Label   string // normalised
	Pattern bool
	Items   []string
	Loss    bool // the label names a loss
	Prose   bool // for sentences only
	Line    int
}

// Check is a tie-out: Stated = Expr.
type Check struct {
	Name   string
	Stated string
	Expr   *Expr
	Line   int
}

// Metric is a ratio or difference over canonical items.
type Metric struct {
	ID    string
	Group string // liquidity, comparison, change
	Name  string
	Unit  string // USD, ratio, percent, quarters, points
	Expr  *Expr
	Line  int
}

// Set is a loaded, validated set of definitions.
type Set struct {
	Items    []Item
	Synonyms []Synonym
	Checks   []Check
	Metrics  []Metric
	byID     map[string]int
	prose    []ProsePhrase
	exact    map[string]int // normalised label -> synonym
	globs    []glob
}

// Item returns the item with the given id.
func (s *Set) Item(id string) (*Item, bool) {
	i, ok := s.byID[id]
	if !ok {
		return nil, false
	}
	return &s.Items[i], true
}

// Metric returns the metric with the given id.
func (s *Set) Metric(id string) (*Metric, bool) {
	for i := range s.Metrics {
		if s.Metrics[i].ID == id {
			return &s.Metrics[i], true
		}
	}
	return nil, false
}

// Error is a problem in a template file, at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ErrorList collects every problem found in one load.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
)

// Default returns the embedded definitions, loaded once. A Set is never
// changed after loading, so it is safe to share between goroutines.
func Default() *Set {
	defaultOnce.Do(func() {
		sub, _ := fs.Sub(defaults, "defaults")
		s, err := Load(sub)
		if err != nil {
			panic("embedded templates are invalid: " + err.Error())
		}
		defaultSet = s
	})
	return defaultSet
}

// DefaultFS returns the embedded definition files, for writing them out.
func DefaultFS() fs.FS {
	sub, _ := fs.Sub(defaults, "defaults")
	return sub
}

// LoadDir reads a set from a folder on disk; errors name DIR/file:line.
func LoadDir(dir string) (*Set, error) {
	s, err := Load(os.DirFS(dir))
	var list ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			e.File = filepath.Join(dir, e.File)
		}
	}
	return s, err
}

// Load reads the four definition files from fsys. Every problem is
// reported, as an ErrorList of file:line errors.
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{byID: map[string]int{}}
	var errs ErrorList
	lines := map[string]int{} // each file's last line
	load := func(name string, parse func(*Set, int, string) string) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &Error{File: name, Msg: err.Error()})
			return
		}
		lines[name] = 0
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		for n := 1; sc.Scan(); n++ {
			lines[name] = n
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if msg := parse(s, n, line); msg != "" {
				errs = append(errs, &Error{File: name, Line: n, Msg: msg})
			}
		}
	}
	load(ItemsFile, parseItem)
	load(SynonymsFile, parseSynonym)
	load(ChecksFile, parseCheck)
	load(MetricsFile, parseMetric)
	errs = append(errs, s.missingRequired(lines)...)
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].File < errs[j].File })
		return nil, errs
	}
	s.buildProsePhrases()
	s.indexSynonyms()
	return s, nil
}

func splitFields(line string, n int) ([]string, string) {
	f := strings.Split(line, "|")
	if len(f) != n {
		return nil, fmt.Sprintf("want %d fields separated by |, found %d", n, len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f, ""
}

var (
	validStatements = []string{"income", "balance", "cashflow"}
	validUnits      = []string{"USD", "USD/share", "shares", "percent", "pure"}
	validKinds      = []string{KindFlow, KindStock, KindAverage}
	validMetricUnit = []string{"USD", "ratio", "percent", "quarters", "points"}
	validGroups     = []string{"liquidity", "comparison", "change"}
)

func oneOf(field, v string, valid []string) string {
	for _, x := range valid {
		if v == x {
			return ""
		}
	}
	return fmt.Sprintf("unknown %s %q (want one of %s)", field, v, strings.Join(valid, ", "))
}

func parseItem(s *Set, n int, line string) string {
	f, msg := splitFields(line, 6)
	if msg != "" {
		return msg
	}
	it := Item{ID: f[0], Statement: f[1], Unit: f[2], Kind: f[3], Total: f[4], Name: f[5], Line: n}
	if !validID(it.ID) {
		return fmt.Sprintf("item id %q: use lower case letters, digits and _", it.ID)
	}
	if _, dup := s.byID[it.ID]; dup {
		return fmt.Sprintf("item %q defined twice", it.ID)
	}
	for _, m := range []string{oneOf("statement", it.Statement, validStatements), oneOf("unit", it.Unit, validUnits), oneOf("kind", it.Kind, validKinds)} {
		if m != "" {
			return m
		}
	}
	s.byID[it.ID] = len(s.Items)
	s.Items = append(s.Items, it)
	return ""
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, c := range id {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func (s *Set) unknownItems(ids []string) string {
	for _, id := range ids {
		if _, ok := s.byID[id]; !ok {
			if _, isMetric := s.Metric(id); !isMetric {
				return fmt.Sprintf("unknown item %q (not in %s)", id, ItemsFile)
			}
		}
	}
	return ""
}

func without(ids []string, drop ...string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(drop, id) {
			out = append(out, id)
		}
	}
	return out
}

func parseSynonym(s *Set, n int, line string) string {
	syn := Synonym{Line: n}
	if rest, ok := strings.CutPrefix(line, "prose:"); ok {
		syn.Prose, line = true, rest
	}
	label, target, ok := strings.Cut(line, "=")
	if !ok {
		return "want: label = item_id"
	}
	target = strings.TrimSpace(target)
	if t, ok := strings.CutSuffix(target, "(loss)"); ok {
		syn.Loss, target = true, strings.TrimSpace(t)
	}
	for _, id := range strings.Split(target, ",") {
		syn.Items = append(syn.Items, strings.TrimSpace(id))
	}
	if msg := s.unknownItems(syn.Items); msg != "" {
		return msg
	}
	syn.Pattern = strings.Contains(label, "*")
	syn.Label = NormalizeLabel(label)
	if syn.Pattern {
		syn.Label = normalizePattern(label)
	}
	if syn.Label == "" {
		return "empty label"
	}
	s.Synonyms = append(s.Synonyms, syn)
	return ""
}

func parseCheck(s *Set, n int, line string) string {
	f, msg := splitFields(line, 2)
	if msg != "" {
		return msg
	}
	stated, expr, ok := strings.Cut(f[1], "=")
	if !ok {
		return "want: name | stated_item = expression"
	}
	c := Check{Name: f[0], Stated: strings.TrimSpace(stated), Line: n}
	e, err := ParseExpr(expr)
	if err != nil {
		return "expression: " + err.Error()
	}
	c.Expr = e
	if msg := s.unknownItems(append([]string{c.Stated}, e.Items()...)); msg != "" {
		return msg
	}
	s.Checks = append(s.Checks, c)
	return ""
}

func parseMetric(s *Set, n int, line string) string {
	f, msg := splitFields(line, 5)
	if msg != "" {
		return msg
	}
	m := Metric{ID: f[0], Group: f[1], Name: f[2], Unit: f[3], Line: n}
	if !validID(m.ID) {
		return fmt.Sprintf("metric id %q: use lower case letters, digits and _", m.ID)
	}
	for _, msg := range []string{oneOf("group", m.Group, validGroups), oneOf("unit", m.Unit, validMetricUnit)} {
		if msg != "" {
			return msg
		}
	}
	e, err := ParseExpr(f[4])
	if err != nil {
		return "expression: " + err.Error()
	}
	m.Expr = e
	items := e.Items()
	if m.Group == "change" {
		// Change metrics compare one item across two periods.
		items = without(items, "current", "prior")
	}
	if msg := s.unknownItems(items); msg != "" {
		return msg
	}
	s.linkMetrics(e)
	s.Metrics = append(s.Metrics, m)
	return ""
}

// linkMetrics turns each id that names an earlier metric (not an item) into
// a reference to that metric's expression. Only earlier metrics are known,
// so a metric can never reach itself.
func (s *Set) linkMetrics(e *Expr) {
	if e == nil {
		return
	}
	if e.Op == 'i' {
		if _, isItem := s.byID[e.Name]; !isItem {
			if m, ok := s.Metric(e.Name); ok {
				e.Op, e.Left = 'm', m.Expr
			}
		}
		return
	}
	s.linkMetrics(e.Cond)
	s.linkMetrics(e.Left)
	s.linkMetrics(e.Right)
}
