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
	// Run numbers a period phrase and the years or dates that continue
	// it ("in 1995, 1994 and 1993"); 0 for a phrase standing alone.
	Run int
}

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4}

// periodPatterns name periods in prose, most specific first. Each matches
// on the ASCII-lower-cased sentence (periodscan.go), and resolves its
// match with the release's fiscal year end and current fiscal year.
var periodPatterns = []struct {
	match func(low string, p int) []int
	// needs lists the words a match cannot do without: cheap tests
	// before the matcher runs over the sentence.
	needs   []string
	resolve func(m []string, c proseCalendar) (Period, bool)
	// relative: the phrase names the period a year before the one the
	// sentence named before it ("For 1993, ... the prior year"); only
	// with none before does it resolve on its own.
	relative bool
}{
	{matchMonthsEnded, []string{"month", "ended", yearDigits, monthName}, func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[2:], countOf(m[1]))
	}, false},
	{matchQuarterEnded, []string{"quarter", "ended", yearDigits, monthName}, func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[2:], 3)
	}, false},
	{matchYearEnded, []string{"year", "ended", yearDigits, monthName}, func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[1:], 12)
	}, false},
	{matchAtDate, []string{yearDigits, monthName}, func(m []string, c proseCalendar) (Period, bool) {
		d, ok := dateOf(m[1:])
		return Period{End: d}, ok
	}, false},
	{matchQuarterOfFiscal, []string{"quarter", "fiscal", yearDigits}, func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.quarter(fy, ordinals[strings.ToLower(m[1])])
	}, false},
	{matchFiscalQuarter, []string{"quarter", "fiscal", yearDigits}, func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.quarter(fy, ordinals[strings.ToLower(m[2])])
	}, false},
	{matchQuarterOfPriorYear, []string{"quarter", "year"}, func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy-1, ordinals[strings.ToLower(m[1])])
	}, false},
	{matchPriorYearQuarter, []string{"quarter", "year"}, func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy-1, ordinals[strings.ToLower(m[1])])
	}, false},
	{matchFirstMonthsPrior, []string{"month", "year"}, func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy-1, countOf(m[1]))
	}, false},
	{matchFirstMonthsOf, []string{"month", yearDigits}, func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.yearToDate(fy, countOf(m[1]))
	}, false},
	{matchPriorYear, []string{"year"}, func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy-1, 12)
	}, true},
	{matchQuarterOfYear, []string{"quarter", yearDigits}, func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.quarter(fy, ordinals[strings.ToLower(m[1])])
	}, false},
	{matchFiscalYear, []string{"fiscal", yearDigits}, func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.yearToDate(fy, 12)
	}, false},
	{matchForTheYear, []string{"year"}, func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy, 12)
	}, false},
	{matchInYear, []string{yearDigits}, func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.yearToDate(fy, 12)
	}, false},
	{matchQuarter, []string{"quarter"}, func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy, ordinals[strings.ToLower(m[1])])
	}, false},
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

// yearDigits stands in a pattern's needs for a year written in digits (1998,
// 2003), which a sentence must hold for a pattern that needs one.
const yearDigits = "\x00year"

// monthName stands in a pattern's needs for the name of a month, which a
// written-out date needs.
const monthName = "\x00month"

// needsMet reports whether a lower-case sentence holds every word a
// period pattern needs.
func needsMet(lower string, needs []string, hasYear, hasMonth bool) bool {
	for _, w := range needs {
		switch w {
		case yearDigits:
			if !hasYear {
				return false
			}
		case monthName:
			if !hasMonth {
				return false
			}
		default:
			if !strings.Contains(lower, w) {
				return false
			}
		}
	}
	return true
}

// monthStems are the first letters every month's name and abbreviation
// starts with.
var monthStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// hasYearNumber reports a 19xx or 20xx written in digits.
func hasYearNumber(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if isYearAt(s, i) {
			return true
		}
	}
	return false
}

// periodKeywords: a sentence that holds none of them names no period, and
// the period patterns need not run on it.
var periodKeywords = []string{"ended", "quarter", "year", "months", "fiscal", " at ", " as of ", " on ", " in 19", " in 20", " for 19", " for 20"}

// findPeriods finds the period phrases of a sentence, without overlaps.
// lower is the sentence in lower case, for cheap keyword tests, and alow
// the sentence with its ASCII letters lowered, byte for byte.
func findPeriods(s, lower, alow string, c proseCalendar) []mention {
	var out []mention
	if !containsAny(lower, periodKeywords) {
		return nil
	}
	mask := make(spanMask, len(s)+1)
	var ago [][]int
	if strings.Contains(lower, "year") {
		for _, m := range findAllPhrases(s, matchYearAgo) {
			ago = append(ago, m[:2])
			mask.take(m[0], m[1])
		}
	}
	hasYear, hasMonth := hasYearNumber(lower), containsAny(lower, monthStems)
	for i, p := range periodPatterns {
		if !needsMet(lower, p.needs, hasYear, hasMonth) {
			continue
		}
		for _, m := range findAllPhrases(alow, p.match) {
			if !mask.free(m[0], m[1]) {
				continue
			}
			if p.relative {
				ago = append(ago, []int{m[0], m[1], i})
				mask.take(m[0], m[1])
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
	if strings.Contains(lower, "same ") {
		out = sameOfYear(s, out, mask)
	}
	sortMentions(out)
	out = continueRuns(s, out, mask)
	if strings.Contains(lower, "month period") || strings.Contains(lower, "months period") || strings.Contains(lower, "month-period") {
		out = monthPeriods(s, out, mask)
	}
	return resolveYearAgo(out, ago, c)
}

// shiftYears moves a period by n years, both its ends.
func shiftYears(p Period, n int) Period {
	p.End = p.End.AddDate(n, 0, 0)
	if !p.IsInstant() {
		p.Start = p.Start.AddDate(n, 0, 0)
	}
	return p
}

// lastNamedBefore returns the last of the phrases that names a period
// (durations only, with durations) and ends before at, or nil.
func lastNamedBefore(ms []mention, at int, durations bool) *mention {
	var last *mention
	for i := range ms {
		if ms[i].End <= at && !ms[i].Period.IsZero() && (!durations || !ms[i].Period.IsInstant()) {
			last = &ms[i]
		}
	}
	return last
}

// sameOfYear adds "the same period of 1998": the period named before it,
// moved to that year; an open phrase when none is named before.
func sameOfYear(s string, ms []mention, mask spanMask) []mention {
	sortMentions(ms)
	n := len(ms)
	for _, m := range findAllPhrases(s, matchSameOfYear) {
		if !mask.free(m[0], m[1]) {
			continue
		}
		men := mention{Start: m[0], End: m[1]}
		year, _ := strconv.Atoi(s[m[2]:m[3]])
		if base := lastNamedBefore(ms[:n], m[0], false); base != nil {
			men.Period = shiftYears(base.Period, year-base.Period.End.Year())
		}
		ms = append(ms, men)
		mask.take(m[0], m[1])
	}
	return ms
}

// monthPeriods adds "the nine month period": the period of that length
// ending with the one named before it, or an open phrase when none is.
func monthPeriods(s string, ms []mention, mask spanMask) []mention {
	n := len(ms)
	for _, m := range findAllPhrases(s, matchMonthPeriod) {
		if !mask.free(m[0], m[1]) {
			continue
		}
		men := mention{Start: m[0], End: m[1]}
		if base := lastNamedBefore(ms[:n], m[0], true); base != nil {
			men.Period = durationEnding(base.Period.End, countOf(s[m[2]:m[3]]), 0)
		}
		ms = append(ms, men)
	}
	sortMentions(ms)
	return ms
}

// continueRuns adds the years and dates that continue a period phrase:
// "in 1996 and 1995", "at December 30, 1995 and December 31, 1994", "for
// the years ended December 31, 1995, 1994 and 1993". Each continuation is
// the phrase's period moved to its year or date; together they make a run.
func continueRuns(s string, ms []mention, mask spanMask) []mention {
	n := len(ms)
	for i := 0; i < n; i++ {
		base := ms[i]
		at := base.End
		for !base.Period.IsZero() {
			end, d, year, ok := nextInList(s, at)
			if !ok || !mask.free(at, end) {
				break
			}
			p := base.Period
			if year > 0 {
				shift := year - base.Period.End.Year()
				if shift < -10 || shift > 10 {
					break
				}
				p = shiftYears(p, shift)
			} else if p.IsInstant() {
				p = Period{End: d}
			} else {
				p = durationEnding(d, p.Months, 0)
			}
			if ms[i].Run == 0 {
				ms[i].Run = i + 1
			}
			ms = append(ms, mention{Start: at, End: end, Period: p, Run: ms[i].Run})
			mask.take(at, end)
			at = end
		}
	}
	sortMentions(ms)
	return ms
}

// nextInList reads ", 1994", " and 1993" or ", and December 31, 1994" at
// s[at:]: a year or date that continues a list of periods.
func nextInList(s string, at int) (end int, d time.Time, year int, ok bool) {
	rest := s[at:]
	i := len(rest) - len(strings.TrimLeft(rest, " "))
	if strings.HasPrefix(rest[i:], ",") {
		i++
		i += len(rest[i:]) - len(strings.TrimLeft(rest[i:], " "))
	}
	if strings.HasPrefix(rest[i:], "and ") {
		i += 4
	} else if i == 0 || !strings.HasPrefix(rest[:i], ",") {
		return 0, time.Time{}, 0, false // a list goes on after a comma or "and"
	}
	w := rest[i:]
	if isYearAt(w, 0) && (len(w) == 4 || !unicode.IsDigit(rune(w[4]))) {
		y, _ := strconv.Atoi(w[:4])
		return at + i + 4, time.Time{}, y, true
	}
	f := strings.Fields(w)
	if len(f) >= 3 {
		if _, isMonth := monthNames[strings.ToLower(strings.TrimSuffix(f[0], "."))]; isMonth {
			txt := strings.Join(f[:3], " ")
			if dt, ok := parseFullDate(strings.TrimRight(txt, ",.;)")); ok {
				j := strings.Index(w, f[2]) + len(strings.TrimRight(f[2], ",.;)"))
				return at + i + j, dt, 0, true
			}
		}
	}
	return 0, time.Time{}, 0, false
}

// resolveYearAgo turns each "a year earlier" into the period named before
// it in the sentence, moved back one year. A relative phrase with none
// before ("the prior year" alone) resolves on its own.
func resolveYearAgo(ms []mention, ago [][]int, c proseCalendar) []mention {
	n := len(ms)
	for _, m := range ago {
		base := lastNamedBefore(ms[:n], m[0], false)
		if base == nil {
			if len(m) > 2 {
				if per, ok := periodPatterns[m[2]].resolve(nil, c); ok {
					ms = append(ms, mention{Start: m[0], End: m[1], Period: per})
				}
			}
			continue
		}
		ms = append(ms, mention{Start: m[0], End: m[1], Period: shiftYears(base.Period, -1)})
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

var unqualifying = map[string]bool{"The": true, "Its": true, "Our": true, "Total": true, "Net": true, "Company's": true, "Company’s": true, "Corporate": true, "Consolidated": true}

// componentWords qualify an item as a part of the company's figure:
// "product revenues", "international revenues".
var componentWords = map[string]bool{"product": true, "products": true, "international": true, "domestic": true,
	"service": true, "services": true, "systems": true, "license": true, "licensing": true, "channel": true,
	"hardware": true, "software": true, "retail": true, "wholesale": true, "export": true, "foreign": true,
	"subscription": true, "maintenance": true, "royalty": true, "royalties": true, "contract": true, "equipment": true,
	"other": true, "segment": true, "division": true, "regional": true, "internal": true, "deferred": true,
	"unearned": true, "future": true, "oem": true, "label": true, "access": true, "semiconductor": true, "rental": true,
	"advertising": true, "publishing": true, "outsourcing": true, "intersegment": true, "intercompany": true,
	"group": true, "noninterest": true, "estimated": true, "potential": true, "expected": true, "anticipated": true,
	"organic": true, "upgrade": true, "memory": true, "microprocessor": true, "component": true, "components": true,
	"recurring": true, "cloud": true, "non-gaap": true, "adjusted": true, "normalized": true, "underlying": true}

// flowWords after "cash" make it a flow or a payment, not the balance:
// "cash flows", "cash used in", "cash proceeds".
var flowWords = map[string]bool{"flow": true, "flows": true, "used": true, "provided": true, "proceeds": true,
	"generated": true, "payment": true, "payments": true, "paid": true, "received": true, "receipts": true,
	"dividend": true, "dividends": true, "requirements": true, "outlay": true, "outlays": true, "outflow": true,
	"outflows": true, "inflow": true, "inflows": true, "consideration": true, "portion": true, "basis": true,
	"charge": true, "charges": true, "compensation": true, "bonus": true, "bonuses": true, "distributions": true,
	"purchase": true, "settlement": true, "expenditures": true, "investment": true, "contribution": true}

// partVerbs before an item say that something other than the company
// produced it: "European operations contributed net revenues of".
var partVerbs = map[string]bool{"contributed": true, "contributing": true, "generated": true}

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
	for _, w := range words[:min(len(words), 8)] {
		switch strings.Trim(w, ",.;") {
		case "investments", "securities", "marketable", "trading", "borrowings", "deposits":
			return true // "cash, cash equivalents and short-term investments": another aggregate
		}
	}
	for _, w := range words[:min(len(words), 12)] {
		w = strings.Trim(w, ",.;")
		if isVerbAfterItem(w) {
			break
		}
		if w == "under" || w == "attributable" {
			return true // "revenues for the third quarter under this agreement"
		}
	}
	switch words[0] {
	case "per":
		return true // "net income per common share": the per-share figure
	case "under", "attributable", "associated", "relating", "related":
		return true // "revenues under the agreement": a part
	case "of":
		return ofWhat(words[1:]) // "net sales of imaging and display products"
	case "from", "derived", "on", "into", "in", "to":
	default:
		return false
	}
	next := strings.Trim(words[1], ",.")
	if next == "the" && len(words) > 2 {
		next = strings.Trim(words[2], ",.")
	}
	switch {
	case next == "" || next[0] >= '0' && next[0] <= '9' || next[0] == '$':
		return false
	case periodAdjectives[next]:
		return false
	case words[0] == "to" && (fillerWords[next] || next == "record" || next == "a" || next == "an" || strings.HasPrefix(next, "$")):
		return false // "increased revenues to approximately $2 million"
	}
	return true
}

// ofWhat reads the words after "of" that follows an item phrase. The item
// is of something ("net sales of imaging products", "revenues of our
// European subsidiary"): a part, unless "of" leads to its amount ("net
// sales of approximately $117 million"), a period ("net income of the
// fourth quarter", "of 1998") or the company itself.
func ofWhat(words []string) bool {
	for len(words) > 0 && (fillerWords[words[0]] || determiners[words[0]]) {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	next := strings.Trim(words[0], ",.;:()")
	switch {
	case next == "" || next[0] >= '0' && next[0] <= '9' || strings.ContainsRune(next, '$'):
		return false // "of $117 million", "of US$150 million"
	case periodAdjectives[next] || periodNouns[next] || monthNames[strings.TrimSuffix(next, ".")] != 0:
		return false
	case companyWords[next] || next == "record" || next == "less" || next == "more" || next == "over" || next == "under":
		return false // "revenues of the Company", "a net loss of less than $1 million"
	}
	return true
}

// companyWords name the company itself.
var companyWords = map[string]bool{"company": true, "company's": true, "company’s": true, "corporation": true, "us": true, "registrant": true, "group": true}

// isVerbAfterItem: the verb that ends an item's subject phrase.
func isVerbAfterItem(w string) bool {
	switch w {
	case "were", "was", "are", "is", "totaled", "increased", "decreased", "rose", "fell", "grew", "declined", "amounted", "reached":
		return true
	}
	return false
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
func findItems(s, lower, alow string, phrases []templates.ProsePhrase) []mention {
	var out []mention
	mask := make(spanMask, len(s)+1)
	starts := wordStartsOf(alow)
	for _, p := range phrases {
		if p.Lower != nil && !starts.may(p.FirstWord) || p.Lower == nil && !strings.Contains(lower, p.FirstWord) {
			continue
		}
		var found [][]int
		if p.Lower != nil {
			found = phraseAt(p.Lower, alow, p.FirstWord)
		} else {
			found = p.Regexp.FindAllStringIndex(s, -1)
		}
		for _, m := range found {
			if !mask.free(m[0], m[1]) {
				continue
			}
			mask.take(m[0], m[1])
			men := mention{Start: m[0], End: m[1], ID: p.ID, Metric: p.Metric, Loss: p.Loss}
			if before := strings.TrimRight(s[:m[0]], " "); before != "" {
				prev := strings.Trim(lastWord(before), `"(`)
				if strings.TrimRight(prev, ":;,") != prev {
					prev = "" // "Per Share Results: Net income": a word of the clause before
				}
				if prev != "" && unicode.IsUpper([]rune(prev)[0]) && !unqualifying[prev] || componentWords[strings.ToLower(prev)] {
					men.Excluded = true
				}
			}
			if after := s[m[1]:min(len(s), m[1]+80)]; qualifierAfter(after) || qualifiedAfter(after) {
				men.Excluded = true
			}
			if qualifiedBefore(s[:m[0]]) || p.ID == "cash" && notCashBalance(s[:m[0]], s[m[1]:]) {
				men.Excluded = true
			}
			out = append(out, men)
		}
	}
	sortMentions(out)
	inheritQualifier(s, out)
	return out
}

// wordStarts is a set of the two-byte openings of a lower-cased text's
// words (a byte pair at the start of the text or after a byte that is no
// letter, digit or '_', where phraseAt looks for a first word): one pass
// over the sentence, then a bit test for each of the hundreds of phrases
// rather than a search of the sentence for each.
type wordStarts [16]uint64

func wordStartsOf(low string) wordStarts {
	var w wordStarts
	for i := 0; i+1 < len(low); i++ {
		if i == 0 || !reWordByte(low[i-1]) {
			w.add(low[i], low[i+1])
		}
	}
	return w
}

func pairBit(a, b byte) (int, uint64) {
	h := (int(a)*31 + int(b)) & 1023
	return h >> 6, 1 << (h & 63)
}

func (w *wordStarts) add(a, b byte) {
	k, bit := pairBit(a, b)
	w[k] |= bit
}

// may reports whether a word may start with first: false only when none
// does.
func (w *wordStarts) may(first string) bool {
	if len(first) < 2 {
		return true
	}
	k, bit := pairBit(first[0], first[1])
	return w[k]&bit != 0
}

// phraseAt finds a prose phrase where its first word starts a word of
// the lower-cased text: the anchored expression is tried there alone.
func phraseAt(re *regexp.Regexp, low, first string) [][]int {
	var out [][]int
	for from := 0; from < len(low); {
		i := strings.Index(low[from:], first)
		if i < 0 {
			break
		}
		at := from + i
		if at > 0 && reWordByte(low[at-1]) {
			from = at + 1 // inside a word: \b, as the expression's own, holds not
			continue
		}
		if m := re.FindStringIndex(low[at:]); m != nil {
			out = append(out, []int{at, at + m[1]})
			from = at + max(m[1], 1)
			continue
		}
		from = at + 1
	}
	return out
}

// qualifiedBefore reports an item phrase whose modifiers name a part
// ("other 32-bit revenues", "production publishing revenues"), or whose
// verb says that a part produced it ("CD products generated net revenues
// of"), unless the company is that verb's subject.
func qualifiedBefore(before string) bool {
	words := strings.Fields(strings.ToLower(tail(before, 80)))
	for k := len(words) - 1; k >= max(0, len(words)-3); k-- {
		w := words[k]
		if strings.TrimRight(w, ",;:") != w {
			break // a modifier stands next to its noun
		}
		if componentWords[w] {
			return true
		}
		if k == len(words)-1 && (w == "including" || w == "includes" || w == "include") {
			return true // "expenses including net revenues ..."
		}
		if k == len(words)-1 && k > 0 && w == "of" {
			switch words[k-1] {
			case "comprised", "consisting", "composed":
				return true // "amounts comprised of net earnings, translation adjustments and ..."
			}
		}
		if partVerbs[w] && k == len(words)-1 {
			if k > 0 {
				switch words[k-1] {
				case "company", "we", "corporation", "it":
					return false // "the Company generated revenues of"
				}
			}
			return true
		}
		if fillerWords[w] || periodAdjectives[w] || stopWords[w] {
			break
		}
	}
	return false
}

// stopWords end the modifiers before an item phrase.
var stopWords = map[string]bool{"of": true, "in": true, "for": true, "and": true, "or": true, "to": true, "from": true,
	"with": true, "by": true, "on": true, "its": true, "our": true, "their": true, "were": true, "was": true,
	"total": true, "consolidated": true, "company's": true, "company’s": true, "had": true, "that": true}

// notCashBalance reports "cash" that names a flow or a payment: "net cash
// used", "cash flows", "sources of cash", "$338 million in cash".
func notCashBalance(before, after string) bool {
	next := strings.ToLower(strings.Trim(firstWords(after, 1), ",.;:()"))
	if flowWords[next] {
		return true
	}
	words := strings.Fields(strings.ToLower(tail(before, 40)))
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	switch {
	case last == "net":
		return true // "net cash": a flow
	case last == "of" && len(words) > 1:
		switch strings.TrimSuffix(words[len(words)-2], "s") {
		case "source", "use", "application", "generation":
			return true
		}
	case last == "in" && len(words) > 1 && endsWithFigure(words[len(words)-2]):
		// "$338 million in cash": the form of a payment, unless the
		// balance is named in full ("$5 million in cash and cash
		// equivalents").
		rest := strings.ToLower(strings.TrimLeft(after, " "))
		return !strings.HasPrefix(rest, "and cash equivalents") && !strings.HasPrefix(rest, "and equivalents")
	}
	return false
}

// endsWithFigure: a word that ends an amount ("million", "$338", "4,000").
func endsWithFigure(w string) bool {
	switch strings.Trim(w, ",") {
	case "million", "billion", "thousand":
		return true
	}
	return w != "" && unicode.IsDigit(rune(w[len(w)-1]))
}

// inheritQualifier: a later mention of an item in the same sentence that
// an earlier mention qualified speaks of the same part ("Total net
// revenues in Europe were $140.8 million ..., while revenues for the nine
// month period were $248.0 million"), unless it says "total" again.
func inheritQualifier(s string, ms []mention) {
	for i := range ms {
		if ms[i].Excluded {
			continue
		}
		for j := 0; j < i; j++ {
			if gap := strings.Trim(s[ms[j].End:ms[i].Start], " ,"); gap == "and" || gap == "" {
				continue // one phrase: "cash and cash equivalents"
			}
			if ms[j].Excluded && ms[j].ID == ms[i].ID {
				prev := strings.ToLower(lastWord(strings.TrimRight(s[:ms[i].Start], " ")))
				ms[i].Excluded = prev != "total" && prev != "consolidated"
				break
			}
		}
	}
}

var fillerWords = map[string]bool{"approximately": true, "about": true, "nearly": true, "almost": true, "only": true, "a": true, "an": true, "the": true}

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
	after := s[a.End:]
	next := mentionStartingAt(items, a.End+len(after)-len(strings.TrimLeft(after, " ")))
	switch strings.ToLower(lastWord(strings.TrimRight(s[:a.Start], " "))) {
	case "a", "an":
		// "a $62 million charge": the amount of the noun after it.
		if next != nil {
			return *next, !next.Excluded // "a $5 million net loss"
		}
		return mention{}, false
	}
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
	if m := next; m != nil {
		return *m, !m.Excluded // "$1,584,000 net loss"
	}
	if at := ofAfter(after); at >= 0 {
		if m := mentionStartingAt(items, a.End+at); m != nil {
			return *m, !m.Excluded // "$6.8 million of cash"
		}
	}
	if m, ok := describedNoun(after, items, a.End); ok {
		if m == nil {
			return mention{}, false // "$70 million in transaction-related costs"
		}
		// "$3.1 million in revenues" is revenue of what the sentence is
		// about: the company's only when the company is its subject.
		in := strings.HasPrefix(strings.TrimLeft(after, " "), "in ")
		return *m, !m.Excluded && (!in || companySubject(s[:a.Start]))
	}
	if comparedBefore(tail(s[:a.Start], 40)) {
		for i := len(prev) - 1; i >= 0; i-- {
			if prev[i].Unit == USD {
				return mention{ID: prev[i].Item, Metric: prev[i].Metric, Loss: prev[i].Loss}, prev[i].Item != ""
			}
		}
		return mention{}, false
	}
	var nearest *mention
	for i := range items {
		if items[i].End <= a.Start && !isRatioBase(s[:items[i].Start]) {
			nearest = &items[i]
		}
	}
	if nearest == nil {
		return mention{}, false
	}
	if between := strings.ToLower(s[nearest.End:a.Start]); strings.Contains(between, "per share") || indexWord(between, "eps") >= 0 || strings.Contains(between, "per common share") {
		return mention{}, false // "net income ... EPS increased 14% to $1.57": a per-share figure
	}
	return *nearest, !nearest.Excluded
}

// describedNoun reads "in", "of" or "for" and a noun after an amount.
// The amount is of that noun: an item ("$3.1 million in revenues"), or
// something else ("$70 million in transaction-related costs", "$65 million
// for put warrant exercises"), which it returns as nil with true. A period
// ("in the quarter", "for 1996") decides nothing.
func describedNoun(after string, items []mention, end int) (*mention, bool) {
	words := strings.Fields(after)
	if len(words) < 2 {
		return nil, false
	}
	switch strings.ToLower(words[0]) {
	case "in", "of", "for":
	default:
		return nil, false
	}
	k := 1
	for k < len(words)-1 && determiners[strings.ToLower(words[k])] {
		k++
	}
	next := strings.ToLower(strings.Trim(words[k], ",.;:()"))
	switch {
	case next == "" || unicode.IsDigit(rune(next[0])) || periodAdjectives[next] || periodNouns[next]:
		return nil, false
	case monthNames[strings.TrimSuffix(next, ".")] != 0:
		return nil, false
	}
	for _, m := range items {
		if m.Start > end && strings.TrimSpace(after[:m.Start-end]) == strings.Join(words[:k], " ") {
			return &m, true // "$553 million in net revenues"
		}
	}
	return nil, true
}

// companySubject reports a sentence whose words before an amount make the
// company its subject: "The Company reported $2.5 billion in revenues",
// unlike "software tools ... amounting to $3.1 million in revenues".
func companySubject(before string) bool {
	for _, w := range strings.Fields(strings.ToLower(before)) {
		switch strings.Trim(w, ",.;:") {
		case "company", "company's", "company’s", "we", "corporation", "corporation's":
			return true
		}
	}
	return false
}

// determiners may stand between "in" and the noun it names.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "our": true, "total": true, "consolidated": true}

// periodNouns, after "in" or "for", name a period, not a noun an amount is of.
var periodNouns = map[string]bool{"fiscal": true, "similar": true, "corresponding": true, "previous": true,
	"preceding": true, "year-earlier": true, "prior-year": true, "earlier": true, "quarters": true, "years": true,
	"periods": true, "respective": true, "this": true, "that": true, "those": true, "these": true, "q1": true,
	"q2": true, "q3": true, "q4": true, "fy": true, "calendar": true, "1st": true, "2nd": true, "3rd": true, "4th": true}

// isRatioBase reports an item phrase after "% of" or "percent of": the
// base of a ratio ("or 20.6% of revenues"), not the subject of a figure.
func isRatioBase(before string) bool {
	b := strings.TrimRight(strings.ToLower(tail(before, 30)), " ")
	for _, w := range []string{"total", "net", "the", "its"} {
		b = strings.TrimRight(strings.TrimSuffix(b, w), " ")
	}
	return strings.HasSuffix(b, "% of") || strings.HasSuffix(b, "percent of")
}

// linkPeriod says which period an amount is stated for: the period phrase
// that follows it in the same clause, or else the nearest one before it.
func linkPeriod(s string, a *amount, periods []mention) (Period, bool) {
	for _, p := range periods {
		if p.Start >= a.End {
			if !hasBoundaryWord(s[a.End:p.Start]) {
				return p.Period, !p.Period.IsZero()
			}
			break
		}
	}
	for i := len(periods) - 1; i >= 0; i-- {
		if periods[i].End <= a.Start {
			// A phrase that could not be resolved ("the nine month
			// period" with no date) still names the period: no guess.
			return periods[i].Period, !periods[i].Period.IsZero()
		}
	}
	return Period{}, false
}

// SamePeriod matches a prose period to a table period: the same kind and
// length, ending within a week (52/53-week years end near a month end).
func SamePeriod(a, b Period) bool {
	if a.IsZero() || b.IsZero() || a.IsInstant() != b.IsInstant() || a.Months != b.Months {
		return false
	}
	return Near(a.End, b.End)
}

// factEnv serves table facts of one period to an expression.
type factEnv struct {
	facts  map[string][]*Fact // table facts by item
	period Period
	read   []*Fact
	// near, when set, picks among tables that disagree on an item (a
	// pro forma table and the statement, a segment total and the
	// statement) the figure nearest the prose's: the prose restates one
	// of them, and fails only when none prints its figure.
	near *decimal.Decimal
}

func (e *factEnv) Value(id string) (decimal.Decimal, bool) {
	var best *Fact
	for _, f := range e.facts[id] {
		if !SamePeriod(f.Period, e.period) {
			continue
		}
		if best == nil || e.near != nil && f.Value.Sub(*e.near).Abs().LessThan(best.Value.Sub(*e.near).Abs()) {
			best = f
		}
		if e.near == nil {
			break
		}
	}
	if best == nil {
		return decimal.Zero, false
	}
	e.read = append(e.read, best)
	return best.Value, true
}

func (e *factEnv) Parts(string) ([]decimal.Decimal, bool) { return nil, false }

// tableValue is what the tables say for an item or metric at a period,
// with the tolerance their printed precision allows.
// near, when set, is the prose's figure for the item (see factEnv).
func (ctx *docContext) tableValue(f *Filing, id string, metric bool, p Period, near *decimal.Decimal) (decimal.Decimal, decimal.Decimal, []Source, bool) {
	env := &factEnv{facts: ctx.factsByItem, period: p, near: near}
	var v decimal.Decimal
	var ok bool
	if m, isMetric := ctx.set.Metric(id); metric && isMetric {
		env.near = nil // a metric's operands are not the prose's figure
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

// signed is a linked amount's figure as the tables print it: negative
// for a loss.
func signed(a amount) *decimal.Decimal {
	v := a.Value
	if a.Loss {
		v = v.Neg()
	}
	return &v
}

// epsEitherName names a per-share claim that is basic or diluted: "Net
// income (loss) per share, basic or diluted".
func epsEitherName(basic string) string {
	if i := strings.LastIndex(basic, ", "); i > 0 {
		return basic[:i] + ", basic or diluted"
	}
	return basic
}

// Formulas of prose claims: a ratio of two items in one period, and the
// change of one item between two periods. Percentages are fractions here
// (6% is 0.06), as a spreadsheet holds them.
var (
	ratioFormula      = mustExpr("abs(numerator) / abs(denominator)") // as Computed: a loss's share of revenue
	changeFormula     = mustExpr("(current - prior) / abs(prior)")
	lossChangeFormula = mustExpr("(abs(current) - abs(prior)) / abs(prior)")
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
	ctx.factsByItem = map[string][]*Fact{} // each claim looks up its items, not every fact
	for i := range f.Facts {
		if x := &f.Facts[i]; x.Table >= 0 && x.Item != "" {
			ctx.factsByItem[x.Item] = append(ctx.factsByItem[x.Item], x)
		}
	}
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
			stated := c.fact.Value
			chk.Computed, tol, srcs, ok = ctx.tableValue(f, c.stated.Item, c.stated.Metric, c.stated.Period, &stated)
			for _, alt := range c.alts {
				// "per share" unqualified: basic or diluted, whichever
				// the figure is nearer.
				v, t, sr, ok2 := ctx.tableValue(f, alt, false, c.stated.Period, &stated)
				if ok2 && (!ok || v.Sub(stated).Abs().LessThan(chk.Computed.Sub(stated).Abs())) {
					chk.Computed, tol, srcs, ok, c.stated.Item = v, t, sr, true, alt
				}
			}
			if len(c.alts) > 0 {
				chk.Item = c.stated.Item
				chk.Name = "Prose: " + epsEitherName(ctx.nameOf(c.alts[0]))
			}
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
			n, _, s1, ok1 := ctx.tableValue(f, num.Item, num.Metric, num.Period, signed(num))
			d, _, s2, ok2 := ctx.tableValue(f, c.base, false, num.Period, nil)
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
			a, _, s1, ok1 := ctx.tableValue(f, cur.Item, cur.Metric, cur.Period, signed(cur))
			b, _, s2, ok2 := ctx.tableValue(f, prior.Item, prior.Metric, prior.Period, signed(prior))
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
				chk.Formula = lossChangeFormula
				chk.Expr = chk.Formula.String()
			}
			chk.Inputs = map[string]CheckInput{"current": {cur.Item, cur.Period}, "prior": {prior.Item, prior.Period}}
		}
		if c.stated.Unit == Percent {
			// Stated as a fraction, with its rounding: "32%" is 0.32 +- 0.005.
			chk.Stated, chk.Tolerance = chk.Stated.Shift(-2), chk.Tolerance.Shift(-2)
		}
		if ok {
			chk.Settle()
		} else {
			chk.Status, chk.Reason = NotRun, c.whyNotRun(ctx, f)
			chk.Computed, chk.Formula = decimal.Zero, nil
		}
		out = append(out, chk)
	}
	return out
}

// whyNotRun says why a claim could not be held against the tables: a
// figure no table reports for its period, or a zero base.
func (c claim) whyNotRun(ctx *docContext, f *Filing) string {
	ids := []amount{c.stated}
	switch c.kind {
	case "ratio":
		ids = []amount{c.parts[0], {Item: c.base, Period: c.parts[0].Period}}
	case "change":
		ids = c.parts[:2]
	}
	for _, a := range ids {
		if _, _, _, ok := ctx.tableValue(f, a.Item, a.Metric, a.Period, nil); !ok {
			return "no table reports " + ctx.nameOf(a.Item) + " for " + a.Period.String()
		}
	}
	return "the base is zero"
}
