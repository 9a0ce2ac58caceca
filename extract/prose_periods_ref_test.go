package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The period phrases as regular expressions, and findPeriods as it ran
// them (on windows around an anchor word), before the hand-written
// matchers of periodscan.go replaced them: the reference
// prose_scan_test.go holds the new ones to.

const refDateRE = `(january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\.)\s+(\d{1,2}),?\s+((?:19|20)\d\d)`

const refOrdinalRE = `(first|second|third|fourth)`

// refPeriodPatterns name periods in prose, most specific first. Each resolves
// its match with the release's fiscal year end and current fiscal year.
var refPeriodPatterns = []struct {
	re      *regexp.Regexp
	resolve func(m []string, c proseCalendar) (Period, bool)
	// relative: the phrase names the period a year before the one the
	// sentence named before it ("For 1993, ... the prior year"); only
	// with none before does it resolve on its own.
	relative bool
}{
	{regexp.MustCompile(`(?i)\b(three|six|nine|twelve|\d{1,2})[- ]months?\s+ended\s+` + refDateRE), func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[2:], countOf(m[1]))
	}, false},
	{regexp.MustCompile(`(?i)\b(?:` + refOrdinalRE + `\s+)?(?:fiscal\s+)?quarter\s+ended\s+` + refDateRE), func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[2:], 3)
	}, false},
	{regexp.MustCompile(`(?i)\b(?:fiscal\s+)?years?\s+ended\s+` + refDateRE), func(m []string, c proseCalendar) (Period, bool) {
		return durationTo(m[1:], 12)
	}, false},
	{regexp.MustCompile(`(?i)\b(?:at|as\s+of|on)\s+` + refDateRE), func(m []string, c proseCalendar) (Period, bool) {
		d, ok := dateOf(m[1:])
		return Period{End: d}, ok
	}, false},
	{regexp.MustCompile(`(?i)\b` + refOrdinalRE + `\s+quarter\s+of\s+fiscal\s+(?:year\s+)?((?:19|20)\d\d)`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.quarter(fy, ordinals[strings.ToLower(m[1])])
	}, false},
	{regexp.MustCompile(`(?i)\bfiscal\s+(?:year\s+)?((?:19|20)\d\d)\s+` + refOrdinalRE + `\s+quarter`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.quarter(fy, ordinals[strings.ToLower(m[2])])
	}, false},
	{regexp.MustCompile(`(?i)\b` + refOrdinalRE + `\s+quarter\s+of\s+(?:the\s+)?(?:last|prior|previous|preceding)\s+(?:fiscal\s+)?year`), func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy-1, ordinals[strings.ToLower(m[1])])
	}, false},
	{regexp.MustCompile(`(?i)\b(?:prior|previous|last)\s+(?:fiscal\s+)?year(?:'s|’s)?\s+` + refOrdinalRE + `\s+quarter`), func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy-1, ordinals[strings.ToLower(m[1])])
	}, false},
	{regexp.MustCompile(`(?i)\bfirst\s+(six|nine)\s+months\s+of\s+(?:the\s+)?(?:prior|previous|last)\s+(?:fiscal\s+)?year`), func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy-1, countOf(m[1]))
	}, false},
	{regexp.MustCompile(`(?i)\bfirst\s+(six|nine)\s+months\s+of\s+(?:fiscal\s+)?(?:year\s+)?((?:19|20)\d\d)`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.yearToDate(fy, countOf(m[1]))
	}, false},
	{regexp.MustCompile(`(?i)\b(?:prior|previous|last)[- ](?:fiscal\s+)?year\b`), func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy-1, 12)
	}, true},
	{regexp.MustCompile(`(?i)\b` + refOrdinalRE + `\s+quarter\s+of\s+((?:19|20)\d\d)`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[2])
		return c.quarter(fy, ordinals[strings.ToLower(m[1])])
	}, false},
	{regexp.MustCompile(`(?i)\bfiscal\s+(?:year\s+)?((?:19|20)\d\d)\b`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.yearToDate(fy, 12)
	}, false},
	{regexp.MustCompile(`(?i)\bfor\s+the\s+(?:fiscal\s+)?year\b`), func(m []string, c proseCalendar) (Period, bool) {
		return c.yearToDate(c.fy, 12)
	}, false},
	{regexp.MustCompile(`(?i)\b(?:in|for)\s+((?:19|20)\d\d)\b`), func(m []string, c proseCalendar) (Period, bool) {
		fy, _ := strconv.Atoi(m[1])
		return c.yearToDate(fy, 12)
	}, false},
	{regexp.MustCompile(`(?i)\b` + refOrdinalRE + `\s+quarter\b`), func(m []string, c proseCalendar) (Period, bool) {
		return c.quarter(c.fy, ordinals[strings.ToLower(m[1])])
	}, false},
}

// refReYearAgo names the same period a year before the one just named:
// "a year earlier", "the prior-year quarter", "the same period last year".
var refReYearAgo = regexp.MustCompile(`(?i)\b(?:a|one)\s+year\s+(?:earlier|ago|before)\b|\b(?:the\s+)?(?:prior|previous|last)[- ]year(?:'s|’s)?\s+(?:period|quarter)s?\b|\byear[- ]ago\s+(?:period|quarter)s?\b|\bsame\s+(?:period|quarter)\s+(?:a\s+year\s+ago|last\s+year|(?:of|in)\s+the\s+(?:prior|previous)\s+year)\b`)

// refPeriodNeeds lists, for each period pattern in order, the words it
// cannot match without: cheap tests before the regular expression.
var refPeriodNeeds = [][]string{{"month", "ended", refYearDigits, refMonthName}, {"quarter", "ended", refYearDigits, refMonthName}, {"year", "ended", refYearDigits, refMonthName}, {refYearDigits, refMonthName},
	{"quarter", "fiscal", refYearDigits}, {"quarter", "fiscal", refYearDigits}, {"quarter", "year"}, {"quarter", "year"}, {"month", "year"},
	{"month", refYearDigits}, {"year"}, {"quarter", refYearDigits}, {"fiscal", refYearDigits}, {"year"}, {refYearDigits}, {"quarter"}}

// refPeriodAnchors is, for each period pattern in order, a word every match
// holds: the pattern runs only on the text around it.
var refPeriodAnchors = []string{"ended", "ended", "ended", refYearDigits, "quarter", "quarter", "quarter", "quarter", "month", "month",
	"year", "quarter", "fiscal", "year", refYearDigits, "quarter"}

// refLowPatterns are the period patterns without case folding, to run on
// the ASCII-lower-cased sentence (their words are all lower case): the
// same matches, at the same offsets, for less work.
var refLowPatterns = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(refPeriodPatterns))
	for i, p := range refPeriodPatterns {
		out[i] = regexp.MustCompile(strings.TrimPrefix(p.re.String(), "(?i)"))
	}
	return out
}()

// refAnchorReach is how far a period phrase can stand from its anchor word.
const refAnchorReach = 60

// refAnchorsOf lists where an anchor stands in an ASCII-lower-cased text.
func refAnchorsOf(low, anchor string) []int {
	var at []int
	if anchor == refYearDigits {
		for i := 0; i+4 <= len(low); i++ {
			if (low[i] == '1' && low[i+1] == '9' || low[i] == '2' && low[i+1] == '0') && isDigit(low[i+2]) && isDigit(low[i+3]) {
				at = append(at, i)
			}
		}
		return at
	}
	for from := 0; ; {
		i := strings.Index(low[from:], anchor)
		if i < 0 {
			return at
		}
		at = append(at, from+i)
		from += i + len(anchor)
	}
}

// refMatchesNear runs re over the stretches of s around the anchors (each
// widened to whole words, overlapping ones merged) rather than over all
// of s: the same matches, at a fraction of the cost on long sentences.
func refMatchesNear(re *regexp.Regexp, s string, at []int) [][]int {
	var out [][]int
	for k := 0; k < len(at); {
		from, to := refWordStartBefore(s, at[k]-refAnchorReach), refWordEndAfter(s, at[k]+refAnchorReach)
		for k++; k < len(at) && refWordStartBefore(s, at[k]-refAnchorReach) <= to; k++ {
			to = refWordEndAfter(s, at[k]+refAnchorReach)
		}
		for _, m := range re.FindAllStringSubmatchIndex(s[from:to], -1) {
			for j := range m {
				if m[j] >= 0 {
					m[j] += from
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// refWordStartBefore moves i back to the start of the word it falls in.
func refWordStartBefore(s string, i int) int {
	i = max(0, i)
	for i > 0 && refIsWordByte(s[i-1]) {
		i--
	}
	return i
}

// refWordEndAfter moves i on to the end of the word it falls in.
func refWordEndAfter(s string, i int) int {
	i = min(len(s), i)
	for i < len(s) && refIsWordByte(s[i]) {
		i++
	}
	return i
}

func refIsWordByte(b byte) bool { return isLetter(b) || isDigit(b) || b >= 0x80 }

// refYearDigits stands in refPeriodNeeds for a year written in digits (1998,
// 2003), which a sentence must hold for a pattern that needs one.
const refYearDigits = "\x00year"

// refMonthName stands in refPeriodNeeds for the name of a month, which a
// written-out date needs.
const refMonthName = "\x00month"

// refNeedsMet reports whether a lower-case sentence holds every word a
// period pattern needs.
func refNeedsMet(lower string, needs []string, hasYear, hasMonth bool) bool {
	for _, w := range needs {
		switch w {
		case refYearDigits:
			if !hasYear {
				return false
			}
		case refMonthName:
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

// refPeriodKeywords: a sentence that holds none of them names no period, and
// the period patterns need not run on it.
var refPeriodKeywords = []string{"ended", "quarter", "year", "months", "fiscal", " at ", " as of ", " on ", " in 19", " in 20", " for 19", " for 20"}

// refFindPeriods finds the period phrases of a sentence, without overlaps.
// lower is the sentence in lower case, for cheap keyword tests.
func refFindPeriods(s, lower, alow string, c proseCalendar) []mention {
	var out []mention
	if !containsAny(lower, refPeriodKeywords) {
		return nil
	}
	mask := make(spanMask, len(s)+1)
	var ago [][]int
	if strings.Contains(lower, "year") {
		for _, m := range refReYearAgo.FindAllStringIndex(s, -1) {
			ago = append(ago, m)
			mask.take(m[0], m[1])
		}
	}
	hasYear, hasMonth := hasYearNumber(lower), containsAny(lower, monthStems)
	for i, p := range refPeriodPatterns {
		if !refNeedsMet(lower, refPeriodNeeds[i], hasYear, hasMonth) {
			continue
		}
		for _, m := range refMatchesNear(refLowPatterns[i], alow, refAnchorsOf(alow, refPeriodAnchors[i])) {
			if !mask.free(m[0], m[1]) {
				continue
			}
			groups := make([]string, len(m)/2)
			for i := range groups {
				groups[i] = sub(s, m, 2*i)
			}
			if p.relative {
				ago = append(ago, []int{m[0], m[1], i})
				mask.take(m[0], m[1])
				continue
			}
			if per, ok := p.resolve(groups, c); ok {
				out = append(out, mention{Start: m[0], End: m[1], Period: per})
				mask.take(m[0], m[1])
			}
		}
	}
	if strings.Contains(lower, "same ") {
		out = refSameOfYear(s, out, mask)
	}
	sortMentions(out)
	out = refContinueRuns(s, out, mask)
	if strings.Contains(lower, "month period") || strings.Contains(lower, "months period") || strings.Contains(lower, "month-period") {
		out = refMonthPeriods(s, out, mask)
	}
	return refResolveYearAgo(out, ago, c)
}

// refReSameOfYear names the period named before it, in another year: "the
// same period of 1998", "the same quarter in 1997".
var refReSameOfYear = regexp.MustCompile(`(?i)\bsame\s+(?:period|quarter|months)\s+(?:of|in)\s+((?:19|20)\d\d)\b`)

// refSameOfYear adds "the same period of 1998": the period named before it,
// moved to that year; an open phrase when none is named before.
func refSameOfYear(s string, ms []mention, mask spanMask) []mention {
	sortMentions(ms)
	n := len(ms)
	for _, m := range refReSameOfYear.FindAllStringSubmatchIndex(s, -1) {
		if !mask.free(m[0], m[1]) {
			continue
		}
		men := mention{Start: m[0], End: m[1]}
		year, _ := strconv.Atoi(s[m[2]:m[3]])
		for i := range ms[:n] {
			if ms[i].End <= m[0] && !ms[i].Period.IsZero() {
				p := ms[i].Period
				shift := year - p.End.Year()
				p.End = p.End.AddDate(shift, 0, 0)
				if !p.IsInstant() {
					p.Start = p.Start.AddDate(shift, 0, 0)
				}
				men.Period = p
			}
		}
		ms = append(ms, men)
		mask.take(m[0], m[1])
	}
	return ms
}

// refMonthPeriods adds "the nine month period": the period of that length
// ending with the one named before it, or an open phrase when none is.
func refMonthPeriods(s string, ms []mention, mask spanMask) []mention {
	n := len(ms)
	for _, m := range refReMonthPeriod.FindAllStringSubmatchIndex(s, -1) {
		if !mask.free(m[0], m[1]) {
			continue
		}
		men := mention{Start: m[0], End: m[1]}
		for i := range ms[:n] {
			if ms[i].End <= m[0] && !ms[i].Period.IsZero() && !ms[i].Period.IsInstant() {
				men.Period = durationEnding(ms[i].Period.End, countOf(s[m[2]:m[3]]), 0)
			}
		}
		ms = append(ms, men)
	}
	sortMentions(ms)
	return ms
}

// refContinueRuns adds the years and dates that continue a period phrase:
// "in 1996 and 1995", "at December 30, 1995 and December 31, 1994", "for
// the years ended December 31, 1995, 1994 and 1993". Each continuation is
// the phrase's period moved to its year or date; together they make a run.
func refContinueRuns(s string, ms []mention, mask spanMask) []mention {
	n := len(ms)
	for i := 0; i < n; i++ {
		base := ms[i]
		at := base.End
		for !base.Period.IsZero() {
			end, d, year, ok := refNextInList(s, at)
			if !ok || !mask.free(at, end) {
				break
			}
			p := base.Period
			if year > 0 {
				shift := year - base.Period.End.Year()
				if shift < -10 || shift > 10 {
					break
				}
				p.End = p.End.AddDate(shift, 0, 0)
				if !p.IsInstant() {
					p.Start = p.Start.AddDate(shift, 0, 0)
				}
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

// refNextInList reads ", 1994", " and 1993" or ", and December 31, 1994" at
// s[at:]: a year or date that continues a list of periods.
func refNextInList(s string, at int) (end int, d time.Time, year int, ok bool) {
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
	if len(w) >= 4 && (w[:2] == "19" || w[:2] == "20") && allDigits(w[:4]) && (len(w) == 4 || !unicode.IsDigit(rune(w[4]))) {
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

// refReMonthPeriod names a year-to-date period by its length alone: "the
// nine month period", "the six-month period"; it ends when the period
// named before it in the sentence ends.
var refReMonthPeriod = regexp.MustCompile(`(?i)\b(three|six|nine|twelve)[- ]months?\s+period\b`)

// refResolveYearAgo turns each "a year earlier" into the period named before
// it in the sentence, moved back one year. A relative phrase with none
// before ("the prior year" alone) resolves on its own.
func refResolveYearAgo(ms []mention, ago [][]int, c proseCalendar) []mention {
	n := len(ms)
	for _, m := range ago {
		var base *mention
		for i := range ms[:n] {
			if ms[i].End <= m[0] && !ms[i].Period.IsZero() {
				base = &ms[i]
			}
		}
		if base == nil {
			if len(m) > 2 {
				if per, ok := refPeriodPatterns[m[2]].resolve(nil, c); ok {
					ms = append(ms, mention{Start: m[0], End: m[1], Period: per})
				}
			}
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
