package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"finexport/templates"

	"github.com/shopspring/decimal"
)

// mention is an item or a period named in a sentence.
type mention struct {
	Start, End int
	ID         string
	Metric     bool
	Loss       bool
	Excluded   bool // qualified: "BioArchive revenues", "cash generated from"
	Period     Period
}

const dateRE = `(january|february|march|april|may|june|july|august|september|october|november|december)\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)`

const ordinalRE = `(first|second|third|fourth)`

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4}

// periodPatterns name periods in prose, most specific first. Each resolves
// its match with the release's fiscal year end and current fiscal year.
var periodPatterns = []struct {
	re      *regexp.Regexp
	resolve func(m []string, c proseCalendar) (Period, bool)
}{
	{regexp.MustCompile(`(?i)\b(three|six|nine|twelve|\d{1,2})[- ]months?\s+ended\s+` + dateRE), func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[2:], countOf(m[1]))
	}},
	{regexp.MustCompile(`(?i)\b(?:` + ordinalRE + `\s+)?(?:fiscal\s+)?quarter\s+ended\s+` + dateRE), func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[2:], 3)
	}},
	{regexp.MustCompile(`(?i)\b(?:fiscal\s+)?years?\s+ended\s+` + dateRE), func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[1:], 12)
	}},
	{regexp.MustCompile(`(?i)\b(?:at|as\s+of|on)\s+` + dateRE), func(m []string, c proseCalendar) (Period, bool) {
		d, ok := dateOf(m[1:])
		return Period{End: d}, ok
	}},
	{regexp.MustCompile(`(?i)\b` + ordinalRE + `\s+quarter\s+of\s+fiscal\s+(?:year\s+)?((?:19|20)\d\d)`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.quarter(fy, ordinals[strings.ToLower(m[1])])
	}},
	{regexp.MustCompile(`(?i)\bfiscal\s+(?:year\s+)?((?:19|20)\d\d)\s+` + ordinalRE + `\s+quarter`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.quarter(fy, ordinals[strings.ToLower(m[2])])
	}},
	{regexp.MustCompile(`(?i)\b` + ordinalRE + `\s+quarter\s+of\s+(?:the\s+)?(?:last|prior|previous|preceding)\s+(?:fiscal\s+)?year`), func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy-1, ordinals[strings.ToLower(m[1])])
	}},
	{regexp.MustCompile(`(?i)\b(?:prior|previous|last)\s+(?:fiscal\s+)?year(?:'s|’s)?\s+` + ordinalRE + `\s+quarter`), func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy-1, ordinals[strings.ToLower(m[1])])
	}},
	{regexp.MustCompile(`(?i)\bfirst\s+(six|nine)\s+months\s+of\s+(?:the\s+)?(?:prior|previous|last)\s+(?:fiscal\s+)?year`), func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy-1, countOf(m[1]))
	}},
	{regexp.MustCompile(`(?i)\bfirst\s+(six|nine)\s+months\s+of\s+fiscal\s+(?:year\s+)?((?:19|20)\d\d)`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.yearToDate(fy, countOf(m[1]))
	}},
	{regexp.MustCompile(`(?i)\b(?:prior|previous|last)\s+(?:fiscal\s+)?year\b`), func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy-1, 12)
	}},
	{regexp.MustCompile(`(?i)\b` + ordinalRE + `\s+quarter\s+of\s+((?:19|20)\d\d)`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.quarter(fy, ordinals[strings.ToLower(m[1])])
	}},
	{regexp.MustCompile(`(?i)\bfiscal\s+(?:year\s+)?((?:19|20)\d\d)\b`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.yearToDate(fy, 12)
	}},
	{regexp.MustCompile(`(?i)\bfor\s+the\s+(?:fiscal\s+)?year\b`), func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy, 12)
	}},
	{regexp.MustCompile(`(?i)\b(?:in|for)\s+((?:19|20)\d\d)\b`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.yearToDate(fy, 12)
	}},
	{regexp.MustCompile(`(?i)\b` + ordinalRE + `\s+quarter\b`), func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy, ordinals[strings.ToLower(m[1])])
	}},
}

func dateOf(m []string) (time.Time, bool) {
	return parseFullDate(m[0] + " " + m[1] + ", " + m[2])
}

func durationTo(m []string, months int) (Period, bool) {
	d, ok := dateOf(m)
	if !ok || months == 0 {
		return Period{}, false
	}
	return durationEnding(d, months, 0), true
}

// proseCalendar resolves relative periods ("the prior year", "the second
// quarter") against the release's fiscal year.
type proseCalendar struct {
	cal Calendar
	fy  int // the fiscal year the release reports on
}

func (c proseCalendar) quarter(fy, n int) (Period, bool) {
	end, ok := c.cal.MonthEnd(fy, 3*n)
	return durationEnding(end, 3, 0), ok
}

func (c proseCalendar) yearToDate(fy, months int) (Period, bool) {
	end, ok := c.cal.MonthEnd(fy, months)
	return durationEnding(end, months, 0), ok
}

// reYearAgo names the same period a year before the one just named:
// "a year earlier", "the prior-year quarter", "the same period last year".
var reYearAgo = regexp.MustCompile(`(?i)\b(?:a|one)\s+year\s+(?:earlier|ago|before)\b|\b(?:the\s+)?(?:prior|previous|last)[- ]year(?:'s|’s)?\s+(?:period|quarter)\b|\byear[- ]ago\s+(?:period|quarter)\b|\bsame\s+(?:period|quarter)\s+(?:a\s+year\s+ago|last\s+year|of\s+the\s+(?:prior|previous)\s+year)\b`)

// periodNeeds is a word each period pattern, in order, cannot match
// without: a cheap test before the regular expression.
var periodNeeds = []string{"month", "quarter", "year", "", "quarter", "quarter", "quarter", "quarter", "month", "month", "year", "quarter", "fiscal", "year", "", "quarter"}

// periodKeywords: a sentence that holds none of them names no period, and
// the period patterns need not run on it.
var periodKeywords = []string{"ended", "quarter", "year", "months", "fiscal", " at ", " as of ", " on ", " in 19", " in 20", " for 19", " for 20"}

// findPeriods finds the period phrases of a sentence, without overlaps.
// lower is the sentence in lower case, for cheap keyword tests.
func findPeriods(s, lower string, c proseCalendar) []mention {
	var out []mention
	if !containsAny(lower, periodKeywords) {
		return nil
	}
	mask := make(spanMask, len(s)+1)
	var ago [][]int
	if strings.Contains(lower, "year") {
		for _, m := range reYearAgo.FindAllStringIndex(s, -1) {
			ago = append(ago, m)
			mask.take(m[0], m[1])
		}
	}
	for i, p := range periodPatterns {
		if !strings.Contains(lower, periodNeeds[i]) {
			continue
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(s, -1) {
			if !mask.free(m[0], m[1]) {
				continue
			}
			groups := make([]string, len(m)/2)
			for i := range groups {
				groups[i] = sub(s, m, 2*i)
			}
			if per, ok := p.resolve(groups, c); ok {
				out = append(out, mention{Start: m[0], End: m[1], Period: per})
				mask.take(m[0], m[1])
			}
		}
	}
	sortMentions(out)
	return resolveYearAgo(out, ago)
}

// resolveYearAgo turns each "a year earlier" into the period named before
// it in the sentence, moved back one year.
func resolveYearAgo(ms []mention, ago [][]int) []mention {
	for _, m := range ago {
		var base *mention
		for i := range ms {
			if ms[i].End <= m[0] && !ms[i].Period.IsZero() {
				base = &ms[i]
			}
		}
		if base == nil {
			continue
		}
		p := base.Period
		p.End = p.End.AddDate(-1, 0, 0)
		if !p.IsInstant() {
			p.Start = p.Start.AddDate(-1, 0, 0)
		}
		ms = append(ms, mention{Start: m[0], End: m[1], Period: p})
	}
	sortMentions(ms)
	return ms
}

func sortMentions(ms []mention) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
}

// spanMask records which bytes of a sentence a mention already covers.
type spanMask []bool

func (m spanMask) free(start, end int) bool {
	for i := start; i < end; i++ {
		if m[i] {
			return false
		}
	}
	return true
}

func (m spanMask) take(start, end int) {
	for i := start; i < end; i++ {
		m[i] = true
	}
}

var (
	reQualifierAfter = regexp.MustCompile(`(?i)^\W*(?:\S+\s+){0,5}?(generated|product\s+line|segment|division)\b`)
	unqualifying     = map[string]bool{"The": true, "Its": true, "Our": true, "Total": true, "Net": true, "Company's": true, "Company’s": true, "Corporate": true, "Consolidated": true}
)

// componentWords qualify an item as a part of the company's figure:
// "product revenues", "international revenues".
var componentWords = map[string]bool{"product": true, "products": true, "international": true, "domestic": true,
	"service": true, "services": true, "systems": true, "license": true, "licensing": true, "channel": true,
	"hardware": true, "software": true, "retail": true, "wholesale": true, "export": true, "foreign": true,
	"subscription": true, "maintenance": true, "royalty": true, "royalties": true, "contract": true, "equipment": true,
	"other": true, "segment": true, "division": true, "regional": true}

// qualifiedAfter reports an item phrase followed by what it came from
// ("revenues from the Symmetrix series", "revenues in Europe"), not by a
// period ("revenues in the third quarter", "in fiscal 1996"); or one that
// is part of another aggregate ("cash and short-term investments") or of
// a per-share phrase ("net income per share").
func qualifiedAfter(after string) bool {
	words := strings.Fields(strings.ToLower(after))
	if len(words) < 2 {
		return false
	}
	for _, w := range words[:min(len(words), 6)] {
		switch strings.Trim(w, ",.;") {
		case "investments", "securities", "marketable", "trading", "borrowings":
			return true // "cash, cash equivalents and short-term investments": another aggregate
		}
	}
	switch words[0] {
	case "per":
		return true // "net income per common share": the per-share figure
	case "from", "derived", "on", "into", "in":
	default:
		return false
	}
	next := strings.Trim(words[1], ",.")
	if next == "the" && len(words) > 2 {
		next = strings.Trim(words[2], ",.")
	}
	switch {
	case next == "" || next[0] >= '0' && next[0] <= '9':
		return false
	case periodAdjectives[next]:
		return false
	}
	return true
}

var periodAdjectives = map[string]bool{"quarter": true, "year": true, "period": true, "fiscal": true, "first": true,
	"second": true, "third": true, "fourth": true, "three": true, "six": true, "nine": true, "twelve": true,
	"thirteen": true, "each": true, "both": true, "all": true, "current": true, "prior": true, "same": true,
	"comparable": true, "last": true, "latest": true, "most": true, "recent": true, "fourth-quarter": true,
	"year-ago": true, "months": true, "weeks": true, "1990s": true}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// findItems finds the item phrases of a sentence, longest first. A phrase
// qualified by a product or segment name is marked Excluded: it is not the
// company's total. lower is the sentence in lower case.
func findItems(s, lower string, phrases []templates.ProsePhrase) []mention {
	var out []mention
	mask := make(spanMask, len(s)+1)
	for _, p := range phrases {
		if !strings.Contains(lower, p.FirstWord) {
			continue
		}
		for _, m := range p.Regexp.FindAllStringIndex(s, -1) {
			if !mask.free(m[0], m[1]) {
				continue
			}
			mask.take(m[0], m[1])
			men := mention{Start: m[0], End: m[1], ID: p.ID, Metric: p.Metric, Loss: p.Loss}
			if before := strings.TrimRight(s[:m[0]], " "); before != "" {
				prev := strings.Trim(lastWord(before), `"(`)
				if prev != "" && unicode.IsUpper([]rune(prev)[0]) && !unqualifying[prev] || componentWords[strings.ToLower(prev)] {
					men.Excluded = true
				}
			}
			if after := s[m[1]:min(len(s), m[1]+80)]; reQualifierAfter.MatchString(after) || qualifiedAfter(after) {
				men.Excluded = true
			}
			out = append(out, men)
		}
	}
	sortMentions(out)
	return out
}

var (
	reBoundary   = regexp.MustCompile(`(?i)\b(compared|versus|vs|from|over|against)\b`)
	reComparedTo = regexp.MustCompile(`(?i)\b(compared\s+(?:to|with)|versus|vs\.?|from)\s+(?:an?\s+|the\s+)?$`)
	fillerWords  = map[string]bool{"approximately": true, "about": true, "nearly": true, "almost": true, "only": true, "a": true, "an": true, "the": true}
	reOrBefore   = regexp.MustCompile(`(?i)\bor\s*$`)
	reOfAfter    = regexp.MustCompile(`(?i)^\s+of\s+`)
	reChangeWord = regexp.MustCompile(`(?i)\b(increased|decreased|increase|decrease|up|down|rose|fell|grew|declined|improved)\s*(?:by|of)?\s*$`)
	reChangeNext = regexp.MustCompile(`(?i)^\s+(increase|decrease|improvement|decline|rise|drop|higher|lower)\b`)
	reDownWord   = regexp.MustCompile(`(?i)decrease|down|fell|declined|decline|drop|lower`)
)

// trimFiller drops trailing spaces and filler words ("approximately",
// "a", "the") from the text before an amount.
func trimFiller(s string) string {
	for {
		s = strings.TrimRight(s, " ")
		w := lastWord(s)
		if w == "" || !fillerWords[strings.ToLower(w)] {
			return s
		}
		s = s[:len(s)-len(w)]
	}
}

func mentionEndingAt(ms []mention, end int) *mention {
	for i := range ms {
		if ms[i].End == end {
			return &ms[i]
		}
	}
	return nil
}

func mentionStartingAt(ms []mention, start int) *mention {
	for i := range ms {
		if ms[i].Start == start {
			return &ms[i]
		}
	}
	return nil
}

// linkItem says which item a money amount is stated for. It returns false
// for an amount of something else ("clinical trial expenses of $326,000").
func linkItem(s string, a *amount, prev []amount, items, periods []mention) (mention, bool) {
	before := trimFiller(s[:a.Start])
	if head, ok := strings.CutSuffix(before, " of"); ok || before == "of" {
		head = strings.TrimRight(head, " ")
		if m := mentionEndingAt(items, len(head)); m != nil {
			return *m, !m.Excluded
		}
		if mentionEndingAt(periods, len(head)) == nil {
			return mention{}, false // "expenses of $326,000"
		}
	}
	after := s[a.End:]
	if m := mentionStartingAt(items, a.End+len(after)-len(strings.TrimLeft(after, " "))); m != nil {
		return *m, !m.Excluded // "$1,584,000 net loss"
	}
	if loc := reOfAfter.FindStringIndex(after); loc != nil {
		if m := mentionStartingAt(items, a.End+loc[1]); m != nil {
			return *m, !m.Excluded // "$6.8 million of cash"
		}
	}
	if reComparedTo.MatchString(tail(s[:a.Start], 40)) {
		for i := len(prev) - 1; i >= 0; i-- {
			if prev[i].Unit == USD {
				return mention{ID: prev[i].Item, Metric: prev[i].Metric, Loss: prev[i].Loss}, prev[i].Item != ""
			}
		}
		return mention{}, false
	}
	var nearest *mention
	for i := range items {
		if items[i].End <= a.Start {
			nearest = &items[i]
		}
	}
	if nearest == nil {
		return mention{}, false
	}
	return *nearest, !nearest.Excluded
}

// linkPeriod says which period an amount is stated for: the period phrase
// that follows it in the same clause, or else the nearest one before it.
func linkPeriod(s string, a *amount, periods []mention) (Period, bool) {
	for _, p := range periods {
		if p.Start >= a.End {
			if !reBoundary.MatchString(s[a.End:p.Start]) {
				return p.Period, true
			}
			break
		}
	}
	for i := len(periods) - 1; i >= 0; i-- {
		if periods[i].End <= a.Start {
			return periods[i].Period, true
		}
	}
	return Period{}, false
}

// samePeriod matches a prose period to a table period: the same kind and
// length, ending within a week (52/53-week years end near a month end).
func samePeriod(a, b Period) bool {
	if a.IsZero() || b.IsZero() || a.IsInstant() != b.IsInstant() || a.Months != b.Months {
		return false
	}
	d := a.End.Sub(b.End)
	return d <= 7*24*time.Hour && d >= -7*24*time.Hour
}

// factEnv serves table facts of one period to an expression.
type factEnv struct {
	facts  []Fact
	period Period
	read   []*Fact
}

func (e *factEnv) Value(id string) (decimal.Decimal, bool) {
	for i := range e.facts {
		f := &e.facts[i]
		if f.Table >= 0 && f.Item == id && samePeriod(f.Period, e.period) {
			e.read = append(e.read, f)
			return f.Value, true
		}
	}
	return decimal.Zero, false
}

func (e *factEnv) Parts(string) ([]decimal.Decimal, bool) { return nil, false }

// tableValue is what the tables say for an item or metric at a period,
// with the tolerance their printed precision allows.
func (ctx *docContext) tableValue(f *Filing, id string, metric bool, p Period) (decimal.Decimal, decimal.Decimal, []Source, bool) {
	env := &factEnv{facts: f.Facts, period: p}
	var v decimal.Decimal
	var ok bool
	if m, isMetric := ctx.set.Metric(id); metric && isMetric {
		var err error
		v, err = m.Expr.Eval(env)
		ok = err == nil
	} else {
		v, ok = env.Value(id)
	}
	var tol decimal.Decimal
	var srcs []Source
	for _, r := range env.read {
		tol = tol.Add(r.Resolution.Mul(half))
		srcs = append(srcs, r.Source)
	}
	return v, tol, srcs, ok
}

func (ctx *docContext) nameOf(id string) string {
	if it, ok := ctx.set.Item(id); ok {
		return it.Name
	}
	if m, ok := ctx.set.Metric(id); ok {
		return m.Name
	}
	return id
}

// Formulas of prose claims: a ratio of two items in one period, and the
// change of one item between two periods. Percentages are fractions here
// (6% is 0.06), as a spreadsheet holds them.
var (
	ratioFormula  = mustExpr("numerator / denominator")
	changeFormula = mustExpr("(current - prior) / abs(prior)")
)

func mustExpr(src string) *templates.Expr {
	e, err := templates.ParseExpr(src)
	if err != nil {
		panic(err)
	}
	return e
}

// proseChecks holds each linked prose figure against the tables. A claim
// whose figure no table reports is left as a fact without a check.
func (ctx *docContext) proseChecks(f *Filing) []Check {
	var out []Check
	for _, c := range ctx.claims {
		chk := Check{Kind: Claim, Stated: c.fact.Value, Sources: []Source{c.fact.Source}, Detail: c.fact.Sentence,
			Tolerance: c.stated.Resolution.Mul(half)}
		var ok bool
		switch c.kind {
		case "value":
			chk.Item, chk.Period = c.stated.Item, c.stated.Period
			chk.Name = "Prose: " + ctx.nameOf(chk.Item)
			var tol decimal.Decimal
			var srcs []Source
			chk.Computed, tol, srcs, ok = ctx.tableValue(f, c.stated.Item, c.stated.Metric, c.stated.Period)
			chk.Tolerance = chk.Tolerance.Add(tol)
			chk.Sources = append(chk.Sources, srcs...)
			chk.Expr = c.stated.Item
			chk.Formula = mustExpr(c.stated.Item)
			if m, isMetric := ctx.set.Metric(c.stated.Item); c.stated.Metric && isMetric {
				chk.Formula, chk.Expr = m.Expr, m.Expr.String()
			}
			chk.Inputs = bindAll(chk.Formula, chk.Period)
		case "ratio":
			num := c.parts[0]
			chk.Item, chk.Period = num.Item, num.Period
			chk.Name = "Prose: " + ctx.nameOf(num.Item) + " as % of " + ctx.nameOf(c.base)
			chk.Expr = num.Item + " / " + c.base
			n, _, s1, ok1 := ctx.tableValue(f, num.Item, num.Metric, num.Period)
			d, _, s2, ok2 := ctx.tableValue(f, c.base, false, num.Period)
			ok = ok1 && ok2 && !d.IsZero()
			if ok {
				chk.Computed = n.Abs().DivRound(d.Abs(), templates.RatioPlaces)
				chk.Sources = append(append(chk.Sources, s1...), s2...)
			}
			chk.Formula = ratioFormula
			chk.Inputs = map[string]CheckInput{"numerator": {num.Item, num.Period}, "denominator": {c.base, num.Period}}
		case "change":
			cur, prior := c.parts[0], c.parts[1]
			chk.Item, chk.Period = cur.Item, cur.Period
			chk.Stated = c.stated.Value // signed: "a 33% decrease" is -33%
			chk.Name = "Prose: " + ctx.nameOf(cur.Item) + " % change from " + prior.Period.End.Format(isoDate)
			chk.Expr = changeFormula.String()
			a, _, s1, ok1 := ctx.tableValue(f, cur.Item, cur.Metric, cur.Period)
			b, _, s2, ok2 := ctx.tableValue(f, prior.Item, prior.Metric, prior.Period)
			ok = ok1 && ok2 && !b.IsZero()
			if ok {
				if cur.Loss {
					// "a 33% decrease" in a net loss: the loss shrank.
					a, b = a.Abs(), b.Abs()
				}
				chk.Computed = a.Sub(b).DivRound(b.Abs(), templates.RatioPlaces)
				chk.Sources = append(append(chk.Sources, s1...), s2...)
			}
			chk.Formula = changeFormula
			if cur.Loss {
				chk.Formula = mustExpr("(abs(current) - abs(prior)) / abs(prior)")
				chk.Expr = chk.Formula.String()
			}
			chk.Inputs = map[string]CheckInput{"current": {cur.Item, cur.Period}, "prior": {prior.Item, prior.Period}}
		}
		if c.stated.Unit == Percent {
			// Stated as a fraction, with its rounding: "32%" is 0.32 +- 0.005.
			chk.Stated, chk.Tolerance = chk.Stated.Shift(-2), chk.Tolerance.Shift(-2)
		}
		if ok {
			chk.settle()
			out = append(out, chk)
		}
	}
	return out
}
