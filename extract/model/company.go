// Package model merges the filings of each company into one timeline of
// facts, keyed by canonical item and fiscal period, and checks it.
//
// Build takes the filings extract.Parser read and returns one Company per
// company: its fiscal calendar and named periods, the merged facts (an
// overlap that agrees keeps every source; one that disagrees is a
// conflict, reported and never settled silently), quarters derived by
// subtraction where no release reports them, comparison pairs, metrics
// computed from the templates' expressions, and every check in one list.
// workbook and pdfreport render a Company; they compute nothing of their own.
package model

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"finexport/extract"
	"finexport/templates"

	"github.com/shopspring/decimal"
)

// Options configure Build.
type Options struct {
	Templates *templates.Set
	// FiscalYearEnd overrides the year end the releases imply (month and
	// day are used).
	FiscalYearEnd time.Time
	// Consume lets Build take each filing's facts and checks and drop
	// them from the filing once it holds its own (they are set to nil):
	// for a caller that reads the filings only to build, so that a long
	// table's figures are not held twice.
	Consume bool
}

// Document is a source release.
type Document struct {
	File        string
	SHA256      string
	ReleaseDate time.Time
	Title       string
	Tables      int
	// Accession and CIK identify the filing on EDGAR, from the SEC
	// header of a whole submission; empty for a bare exhibit.
	Accession, CIK string
}

// Reported is one document's value for a fact.
type Reported struct {
	Value      decimal.Decimal
	Label      string
	Source     extract.Source
	Resolution decimal.Decimal
	Release    time.Time
}

// Term is one period's figure in a derivation, added or subtracted.
type Term struct {
	Sign   int // +1 or -1
	Period string
}

// Fact is one figure of the company's timeline.
type Fact struct {
	Item      string // canonical id, "" for an unmapped row
	Label     string // as first reported
	Statement extract.Statement
	Unit      extract.Unit
	// Period is shared by every fact of the period: read it, never
	// change it through one fact.
	Period *FiscalPeriod
	// Value is the figure. When releases disagree it is the latest
	// release's value, and Conflict is set: the others stay in Reported.
	Value      decimal.Decimal
	Resolution decimal.Decimal
	Reported   []Reported // every document that stated it, oldest first
	Conflict   bool
	// Derived lists the terms the figure was computed from ("FY2003 -
	// H1 FY2003 - Q4 FY2003") when no release reports it.
	Derived []Term
	line    *Line // the plan line it stands on, once the plan is made
}

// Sources returns where the fact was stated.
func (f *Fact) Sources() []extract.Source {
	out := make([]extract.Source, len(f.Reported))
	for i, r := range f.Reported {
		out[i] = r.Source
	}
	return out
}

// DerivationText writes a derivation as "FY2003 − H1 FY2003 − Q4 FY2003".
func (f *Fact) DerivationText() string {
	var b strings.Builder
	for i, t := range f.Derived {
		switch {
		case i == 0 && t.Sign < 0:
			b.WriteString("−")
		case i > 0 && t.Sign < 0:
			b.WriteString(" − ")
		case i > 0:
			b.WriteString(" + ")
		}
		b.WriteString(t.Period)
	}
	return b.String()
}

// Company is the merged, checked model of one company.
type Company struct {
	Name      string
	Ticker    string
	Exchange  string
	Documents []Document
	Calendar  Calendar
	// Periods lists every period with facts, newest first; for one end
	// date the shorter period comes first.
	Periods []FiscalPeriod
	Facts   []*Fact
	// Narrative holds the prose figures of every release, with their
	// sentences; Events those of releases without statements (a share
	// sale, warrants).
	Narrative []extract.Fact
	Events    []extract.Fact
	// SetAside holds the table figures that are on no period of the
	// timeline - a change or unresolved column, a second value one
	// document stated for a figure - so that every output can still hold
	// every figure read.
	SetAside    []SetAside
	Comparisons []Comparison
	// Scale is the one display scale of the company's money figures.
	Scale       Scale
	Metrics     []MetricValue
	Checks      []Check
	Diagnostics []extract.Diagnostic
	set         *templates.Set
	plan        *Plan
	planned     *sync.Once // makes plan on first use (see Plan)
	byKey       map[factKey]*Fact
	merging     *merging        // what merge shares between figures; nil once built
	closes      map[string]bool // the balance-sheet dates that close their quarters
	byPeriod    map[string][]*Fact
	metricAt    map[string]int
}

// LatestRelease is the newest release date, or 2000-01-01 when no release
// states one: renderers date their files from it, never from the clock.
func (c *Company) LatestRelease() time.Time {
	var t time.Time
	for _, d := range c.Documents {
		if d.ReleaseDate.After(t) {
			t = d.ReleaseDate
		}
	}
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// Templates returns the definitions the company was built with.
func (c *Company) Templates() *templates.Set { return c.set }

// factKey keys a fact of the timeline: its role (an item, an unmapped
// line's "label:" name, a cell's "at:" place; see add) in a period, by
// name. The roles of one line's figures share one string.
type factKey struct{ role, period string }

// itemKey keys an item in a period; "" is the unmapped line of no label.
func itemKey(item, period string) factKey {
	if item == "" {
		return factKey{labelRole(""), period}
	}
	return factKey{item, period}
}

// labelRole is the role of an unmapped line: its label, normalized.
func labelRole(label string) string { return "label:" + templates.NormalizeLabel(label) }

// Fact returns an item's fact in a period, by period name.
func (c *Company) Fact(item, period string) *Fact {
	return c.byKey[itemKey(item, period)]
}

// Period returns a period by name.
func (c *Company) Period(name string) (FiscalPeriod, bool) {
	for _, p := range c.Periods {
		if p.Name == name {
			return p, true
		}
	}
	return FiscalPeriod{}, false
}

// FactsIn returns the facts of a period, in the order of the chart of
// accounts and then of first appearance for unmapped rows.
func (c *Company) FactsIn(period string) []*Fact {
	return c.byPeriod[period]
}

// Status is the master status: fail when a check fails, pass when every
// check that ran passes, and not run when no check ran at all (a release
// where nothing was mapped): passing nothing is no pass.
func (c *Company) Status() extract.CheckStatus {
	switch pass, fail, _ := c.CheckCounts(); {
	case fail > 0:
		return extract.Fail
	case pass > 0:
		return extract.Pass
	}
	return extract.NotRun
}

// CheckCounts counts the checks that passed, failed and did not run.
func (c *Company) CheckCounts() (pass, fail, notRun int) {
	for _, ch := range c.Checks {
		switch ch.Status {
		case extract.Pass:
			pass++
		case extract.Fail:
			fail++
		default:
			notRun++
		}
	}
	return pass, fail, notRun
}

// Build merges filings into companies, in name order.
func Build(filings []*extract.Filing, opts Options) []*Company {
	var out []*Company
	for _, group := range groupByCompany(filings) {
		out = append(out, BuildOne(group, opts))
	}
	return out
}

// BuildOne merges the filings of one company (see Key).
func BuildOne(filings []*extract.Filing, opts Options) *Company {
	g := append([]*extract.Filing(nil), filings...)
	sortReleases(g)
	return buildCompany(g, opts.Templates, opts)
}

// sortReleases puts the oldest release first, so that later releases
// restate earlier ones. Releases of one date go by file name, then by
// content (SHA-256): the order never depends on how the files were named
// on the command line.
func sortReleases(g []*extract.Filing) {
	sort.SliceStable(g, func(a, b int) bool {
		x, y := g[a], g[b]
		switch {
		case !x.ReleaseDate.Equal(y.ReleaseDate):
			return x.ReleaseDate.Before(y.ReleaseDate)
		case x.File != y.File:
			return x.File < y.File
		}
		return x.SHA256 < y.SHA256
	})
}

// Key names the company a filing belongs to: filings with the same key are
// merged into one company.
func Key(f *extract.Filing) string { return companyKey(f) }

// companyKey folds a company name for grouping: case, punctuation and the
// corporate suffix do not matter.
func companyKey(f *extract.Filing) string {
	words := strings.Fields(templates.NormalizeLabel(f.Company))
	for len(words) > 1 {
		switch words[len(words)-1] {
		case "inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "incorporated":
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) == 0 {
		if f.Ticker != "" {
			return "ticker:" + f.Ticker
		}
		return "file:" + f.File
	}
	return strings.Join(words, " ")
}

func groupByCompany(filings []*extract.Filing) [][]*extract.Filing {
	groups := map[string][]*extract.Filing{}
	var keys []string
	for _, f := range filings {
		k := companyKey(f)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], f)
	}
	sort.Strings(keys)
	out := make([][]*extract.Filing, len(keys))
	for i, k := range keys {
		g := groups[k]
		sortReleases(g)
		out[i] = g
	}
	return out
}

func buildCompany(filings []*extract.Filing, set *templates.Set, opts Options) *Company {
	c := newCompany(set)
	for _, f := range filings {
		c.describe(f)
	}
	c.startMerging(filings, opts.FiscalYearEnd)
	for _, f := range filings {
		c.merge(f, f.Facts)
		if opts.Consume {
			f.Facts = nil
		}
	}
	c.finish(filings, opts.Consume)
	return c
}

func newCompany(set *templates.Set) *Company {
	if set == nil {
		set = templates.Default()
	}
	return &Company{set: set, byKey: map[factKey]*Fact{}, planned: &sync.Once{}}
}

// startMerging settles the calendar the filings' facts are named by,
// before any is merged.
func (c *Company) startMerging(filings []*extract.Filing, override time.Time) {
	c.Calendar = companyCalendar(filings, override)
	if c.Calendar.YearEnd.IsZero() {
		c.Calendar.YearEnd = time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)
		if hasStatements(filings) {
			c.Diagnostics = append(c.Diagnostics, extract.Diagnostic{File: filings[0].File, Severity: extract.Warning,
				Msg: "no release says when the fiscal year ends; assuming December 31 (use --fiscal-year-end)"})
		}
	}
	c.merging = &merging{periods: map[extract.Period]*FiscalPeriod{}, roles: map[uint64]lineRole{}, hash: roleHash}
}

// finish builds what the merged timeline gives: derived quarters, the
// order of periods and facts, the scale, comparisons, metrics and checks.
func (c *Company) finish(filings []*extract.Filing, consume bool) {
	c.merging = nil
	c.keepItemKeys()
	c.derive()
	c.sortTimeline()
	c.Scale = chooseScale(c.statementMoney())
	c.compare()
	c.computeMetrics()
	c.collectChecks(filings, consume)
}

func hasStatements(filings []*extract.Filing) bool {
	for _, f := range filings {
		if len(f.Tables) > 0 {
			return true
		}
	}
	return false
}

// describe records a filing's identity on the company.
func (c *Company) describe(f *extract.Filing) {
	if f.Company != "" && (c.Name == "" || isUpper(c.Name) && !isUpper(f.Company)) {
		c.Name = f.Company
	}
	if c.Ticker == "" {
		c.Ticker, c.Exchange = f.Ticker, f.Exchange
	}
	doc := Document{File: f.File, SHA256: f.SHA256, ReleaseDate: f.ReleaseDate, Tables: len(f.Tables),
		Accession: f.Header.Accession, CIK: f.Header.CIK}
	if len(f.Titles) > 0 {
		doc.Title = f.Titles[0]
	}
	c.Documents = append(c.Documents, doc)
	c.Diagnostics = append(c.Diagnostics, f.Diagnostics...)
	if c.Name == "" {
		c.Name = "Unknown company (" + filepath.Base(f.File) + ")"
	}
}

func isUpper(s string) bool { return s == strings.ToUpper(s) }

// merge adds facts of a filing to the timeline.
func (c *Company) merge(f *extract.Filing, facts []extract.Fact) {
	for _, x := range facts {
		if x.Statement == extract.Narrative {
			c.Narrative = append(c.Narrative, x)
			if len(f.Tables) == 0 {
				c.Events = append(c.Events, x)
			}
			continue
		}
		if x.Period.IsZero() {
			c.SetAside = append(c.SetAside, SetAside{Fact: x, Why: "no period"}) // a change column or an unresolved one
			continue
		}
		c.add(x, f.ReleaseDate)
	}
}

// add puts one figure on the timeline. A figure is keyed by its role: a
// mapped item in a period, an unmapped statement line by its label and
// statement, a line of any other table by where it stands (such tables
// repeat labels like "Total" for different things). The same key stated
// again by the same document with another value is a reading warning and
// keeps the first; by another document, a conflict unless the two agree
// within their printed precision (1,234,567 and 1,235 thousands agree).
func (c *Company) add(x extract.Fact, release time.Time) {
	period := c.periodName(x.Period)
	key := c.roleKey(x, period.Name)
	rep := Reported{Value: x.Value, Label: x.Label, Source: x.Source, Resolution: x.Resolution, Release: release}
	if f, ok := c.byKey[key]; ok {
		switch {
		case agree(f.Reported[len(f.Reported)-1], rep):
		case f.sameDocument(x.Source.File) && x.Item == "":
			key = sourceKey(x, period.Name) // another line with the same label
			if _, taken := c.byKey[key]; taken {
				c.SetAside = append(c.SetAside, SetAside{Fact: x, Why: "stated again"})
				return
			}
			c.newFact(key, x, period, rep)
			return
		case f.sameDocument(x.Source.File):
			c.Diagnostics = append(c.Diagnostics, extract.Diagnostic{File: x.Source.File, Line: x.Source.Line, Severity: extract.Warning,
				Msg: fmt.Sprintf("%s for %s is stated again as %s (line %d stated %s); the first is kept", nameOf(x), period.Name, x.Value, f.Reported[0].Source.Line, f.Reported[0].Value)})
			c.SetAside = append(c.SetAside, SetAside{Fact: x, Why: "stated again; line " + fmt.Sprint(f.Reported[0].Source.Line) + " kept"})
			return
		default:
			f.Conflict = true
		}
		f.Reported = append(f.Reported, rep)
		if !release.Before(f.Reported[0].Release) {
			f.Value, f.Resolution = x.Value, x.Resolution // the latest release restates
		}
		return
	}
	c.newFact(key, x, period, rep)
}

// SetAside is a table figure that is on no period of the timeline, and why.
type SetAside struct {
	Fact extract.Fact
	Why  string
}

func (c *Company) newFact(key factKey, x extract.Fact, period *FiscalPeriod, rep Reported) {
	f := &Fact{Item: x.Item, Label: x.Label, Statement: x.Statement, Unit: x.Unit, Period: period,
		Value: x.Value, Resolution: x.Resolution, Reported: []Reported{rep}}
	c.byKey[key] = f
	c.Facts = append(c.Facts, f)
}

// keepItemKeys drops, once every figure is merged, the keys of the facts
// of unmapped lines: they served to merge a line's figures, and nothing
// looks them up by role after (Fact and derive ask for items). A long
// table of unmapped lines frees its roles and most of the map (12 MB for
// 36,000 lines).
func (c *Company) keepItemKeys() {
	n := 0
	for _, f := range c.byKey {
		if f.Item != "" {
			n++
		}
	}
	items := make(map[factKey]*Fact, n)
	for k, f := range c.byKey {
		if f.Item != "" {
			items[k] = f
		}
	}
	c.byKey = items
}

// merging is what the figures merged share: each period's name, made
// once for all its figures, and the role of the unmapped line merged last
// (a line's figures come together, one a period: a long table's line
// stands in two or more). A line met again later makes its role anew,
// equal to the first.
type merging struct {
	periods map[extract.Period]*FiscalPeriod
	line    lineRole
	role    string
	roles   map[uint64]lineRole // the first line of each role's hash
	hash    func(string) uint64
}

// roleOf is an unmapped line's role: its statement, label and unit,
// normalized, as a 64-bit hash ("label#…"). Every line's role is a key
// of the fact map while merging; the normalized text would hold a long
// table's labels twice. A line whose hash another line, normalized
// differently, took first has its normalized text as its role
// ("label:…"), so two lines never share a role by chance.
func (m *merging) roleOf(k lineRole) string {
	folded := k.folded()
	sum := m.hash(folded)
	first, taken := m.roles[sum]
	switch {
	case !taken:
		m.roles[sum] = k
	case first != k && first.folded() != folded:
		return "label:" + folded
	}
	return "label#" + strconv.FormatUint(sum, 16)
}

// folded is the line's statement, label and unit, normalized.
func (k lineRole) folded() string {
	return templates.NormalizeLabel(string(k.statement) + ":" + k.label + ":" + string(k.unit))
}

// roleHash hashes the unmapped lines' roles; a test's to change.
var roleHash = fnv64a

// fnv64a is the 64-bit FNV-1a hash of s.
func fnv64a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// lineRole is an unmapped line as read: the key of its role.
type lineRole struct {
	statement extract.Statement
	label     string
	unit      extract.Unit
}

// periodName names a period of the calendar, once for all its figures:
// they share it (a fact points to its period, 8 bytes, not a 112-byte copy).
func (c *Company) periodName(p extract.Period) *FiscalPeriod {
	fp, ok := c.merging.periods[p]
	if !ok {
		named := c.Calendar.Name(p)
		fp = &named
		c.merging.periods[p] = fp
	}
	return fp
}

// roleKey keys a figure by its role (see add).
func (c *Company) roleKey(x extract.Fact, period string) factKey {
	switch {
	case x.Statement == extract.Other:
		return sourceKey(x, period)
	case x.Item == "":
		m := c.merging
		if k := (lineRole{x.Statement, x.Label, x.Unit}); k != m.line || m.role == "" {
			m.line, m.role = k, m.roleOf(k)
		}
		return factKey{m.role, period}
	}
	return itemKey(x.Item, period)
}

func sourceKey(x extract.Fact, period string) factKey {
	return factKey{fmt.Sprintf("at:%s:%d:%d:%s", x.Source.File, x.Source.Line, x.Source.ColStart, x.Label), period}
}

func nameOf(x extract.Fact) string {
	if x.Item != "" {
		return x.Item
	}
	return strconv.Quote(x.Label)
}

// sameDocument reports whether a document already stated the fact.
func (f *Fact) sameDocument(file string) bool {
	for _, r := range f.Reported {
		if r.Source.File == file {
			return true
		}
	}
	return false
}

// agree reports two statements of a figure that are equal within half a
// unit of the coarser one's last printed digit.
func agree(a, b Reported) bool {
	if a.Value.Equal(b.Value) {
		return true
	}
	tol := decimal.Max(a.Resolution, b.Resolution).Div(decimal.NewFromInt(2))
	return a.Value.Sub(b.Value).Abs().LessThanOrEqual(tol)
}

// markQuarterCloses settles which balance-sheet date closes each fiscal
// quarter: the latest of the quarter's dates. Another date in the same
// quarter (a 10-Q's and a release's, a few days apart) keeps its own
// place, and a warning says so: two dates never share one cell.
func (c *Company) markQuarterCloses() {
	c.closes = map[string]bool{}
	byQuarter := map[string][]FiscalPeriod{}
	var quarters []string
	for _, p := range c.Periods {
		if p.Kind != Instant {
			continue
		}
		q := c.Calendar.QuarterName(p.FY, p.Quarter)
		if byQuarter[q] == nil {
			quarters = append(quarters, q)
		}
		byQuarter[q] = append(byQuarter[q], p)
	}
	for _, q := range quarters {
		dates := byQuarter[q]
		last := dates[0]
		for _, p := range dates[1:] {
			if p.Period.End.After(last.Period.End) {
				last = p
			}
		}
		c.closes[last.Name] = true
		for _, p := range dates {
			if p.Name != last.Name {
				at := c.firstSource(p.Name)
				c.Diagnostics = append(c.Diagnostics, extract.Diagnostic{File: at.File, Line: at.Line, Severity: extract.Warning,
					Msg: fmt.Sprintf("two balance-sheet dates in %s: %s closes the quarter, %s is kept on a sheet of its own", q, last.Name, p.Name)})
			}
		}
	}
}

// firstSource is where the first figure read for a period stands: the
// place a warning about the period points to.
func (c *Company) firstSource(period string) extract.Source {
	for _, f := range c.Facts {
		if f.Period.Name == period && len(f.Reported) > 0 {
			return f.Reported[0].Source
		}
	}
	return extract.Source{}
}

// ClosesQuarter reports whether a balance-sheet date is the one that
// closes its fiscal quarter (see markQuarterCloses).
func (c *Company) ClosesQuarter(name string) bool { return c.closes[name] }

// sortTimeline orders periods newest first and facts by period, then by
// the chart of accounts, unmapped rows last in order of appearance.
func (c *Company) sortTimeline() {
	seen := map[string]bool{}
	c.Periods = nil
	for _, f := range c.Facts {
		if !seen[f.Period.Name] {
			seen[f.Period.Name] = true
			c.Periods = append(c.Periods, *f.Period)
		}
	}
	sort.SliceStable(c.Periods, func(i, j int) bool { return periodBefore(c.Periods[j], c.Periods[i]) })
	c.markQuarterCloses()
	rank := map[string]int{}
	for i, p := range c.Periods {
		rank[p.Name] = i
	}
	order := map[string]int{}
	for i, it := range c.set.Items {
		order[it.ID] = i
	}
	sort.SliceStable(c.Facts, func(i, j int) bool {
		a, b := c.Facts[i], c.Facts[j]
		if rank[a.Period.Name] != rank[b.Period.Name] {
			return rank[a.Period.Name] < rank[b.Period.Name]
		}
		if (a.Item == "") != (b.Item == "") {
			return a.Item != ""
		}
		return a.Item != "" && order[a.Item] < order[b.Item]
	})
	c.byPeriod = map[string][]*Fact{}
	for _, f := range c.Facts {
		c.byPeriod[f.Period.Name] = append(c.byPeriod[f.Period.Name], f)
	}
}

// periodBefore orders periods by end date, then longer first, so that
// sorting by "not before" puts newest and shortest first.
func periodBefore(a, b FiscalPeriod) bool {
	if !a.Period.End.Equal(b.Period.End) {
		return a.Period.End.Before(b.Period.End)
	}
	return a.Months() > b.Months()
}
