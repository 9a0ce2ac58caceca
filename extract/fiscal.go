package extract

import (
	"strconv"
	"strings"
	"time"
)

// weekCalendarWords are the phrases by which a document says its fiscal
// years count weeks (52/53-week years) rather than end on a month end.
var weekCalendarWords = []string{"52-week", "53-week", "52 week", "53 week", "fifty-two", "fifty-three",
	"sunday closest", "saturday closest", "friday closest", "sunday nearest", "saturday nearest", "friday nearest",
	"last saturday", "last sunday", "last friday", "weeks ended", "week period"}

// weekAnchors holds, for each byte that anchors a phrase of
// weekCalendarWords (every phrase holds a 'k' or a 'y'), the phrases it
// anchors and where in each it stands: one search for each anchor byte
// finds every phrase, where a search for each phrase read the text 17
// times.
var weekAnchors = anchorPhrases(weekCalendarWords, "ky")

type anchoredPhrase struct {
	phrase string
	at     int // the anchor's offset in the phrase
}

// anchorPhrases files each phrase under the first of the anchor bytes it
// holds; a phrase that holds none is a programming error.
func anchorPhrases(phrases []string, anchors string) map[byte][]anchoredPhrase {
	out := map[byte][]anchoredPhrase{}
	for _, w := range phrases {
		i := strings.IndexAny(w, anchors)
		if i < 0 {
			panic("phrase " + w + " holds no anchor of " + anchors)
		}
		out[w[i]] = append(out[w[i]], anchoredPhrase{w, i})
	}
	return out
}

// holdsWeekCalendarWords reports whether lower-case text holds one of
// weekCalendarWords.
func holdsWeekCalendarWords(low string) bool {
	for a, phrases := range weekAnchors {
		for from := 0; ; {
			i := strings.IndexByte(low[from:], a)
			if i < 0 {
				break
			}
			at := from + i
			for _, p := range phrases {
				if at >= p.at && strings.HasPrefix(low[at-p.at:], p.phrase) {
					return true
				}
			}
			from = at + 1
		}
	}
	return false
}

// learnCalendar reads from a document's prose how its fiscal years end:
// whether they count weeks, and the exact end of each year the text names
// ("Fiscal 1994 ended on January 30, 1994, fiscal 1993 ended on January
// 31, 1993 ..."). A year named with two different ends is left unknown.
// low is text lower-cased by asciiLower (same byte offsets).
func (ctx *docContext) learnCalendar(text, low string) {
	if holdsWeekCalendarWords(low) {
		ctx.weekCalendar = true
	}
	if ctx.fye.IsZero() {
		return
	}
	if ctx.weekCalendar {
		ctx.yearRules = yearRulesIn(low, ctx.fye.Month())
	}
	var dates [4]fullDate
	for from := 0; ; {
		i := indexWord(low[from:], "ended")
		if i < 0 {
			break
		}
		at := from + i
		window := text[at:min(len(text), at+140)]
		for _, m := range fullDatesIn(window, dates[:0]) {
			if d, ok := m.date(); ok {
				ctx.learnYearEnd(d, 1)
			}
		}
		from = at + len("ended")
	}
}

// learnYearEnd counts d as a vote, of the given weight, for the end of the
// fiscal year it lies within a week of: January 2, 2000 ends fiscal 1999
// of a December year. A date in a column header weighs more than one in a
// title, and that more than one in the prose.
func (ctx *docContext) learnYearEnd(d time.Time, weight int) {
	y, ok := Calendar{YearEnd: ctx.fye}.YearEndingNear(d)
	if !ok {
		return
	}
	if ctx.fyVotes[y] == nil {
		ctx.fyVotes[y] = map[time.Time]int{}
	}
	ctx.fyVotes[y][d] += weight
}

// yearEnd returns the exact end of the fiscal year that ends in year y, and
// whether it is known: the date the document names for it at least twice
// as often as any other; with no date named, the day the document's rule
// gives ("the last Friday in September") when the dates it does name keep
// that rule; or the nominal year end when the years end on a month end.
func (ctx *docContext) yearEnd(y int) (time.Time, bool) {
	if best, known, voted := ctx.votedEnd(y); voted {
		return best, known
	}
	if rule, ok := ctx.keptRule(); ok {
		return rule.end(y), true
	}
	if ctx.fye.IsZero() || ctx.countsWeeks() {
		return time.Time{}, false
	}
	return Calendar{YearEnd: ctx.fye}.NominalEnd(y), true
}

// votedEnd is the date the document names most for the end of year y,
// whether it is named at least twice as often as any other, and whether
// any date is named at all.
func (ctx *docContext) votedEnd(y int) (time.Time, bool, bool) {
	var best time.Time
	first, second := 0, 0
	for d, n := range ctx.fyVotes[y] {
		switch {
		case n > first || n == first && d.Before(best):
			best, first, second = d, n, max(first, second)
		case n > second:
			second = n
		}
	}
	return best, first > 0 && first >= 2*second, first > 0
}

// keptRule returns the one year-end rule of the prose that every year's
// named end keeps. A document that states "the Saturday nearest March 31"
// but prints March 31 shows its years as month ends: its rule is not
// used.
func (ctx *docContext) keptRule() (yearRule, bool) {
	var kept []yearRule
	for _, r := range ctx.yearRules {
		ok := true
		for y := range ctx.fyVotes {
			if best, known, voted := ctx.votedEnd(y); voted && (!known || !best.Equal(r.end(y))) {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, r)
		}
	}
	if len(kept) != 1 {
		return yearRule{}, false
	}
	return kept[0], true
}

// yearRule is how a 52/53-week year ends: on the last weekday of a month,
// or on the weekday nearest a day of a month (day 0: the month's end).
type yearRule struct {
	weekday time.Weekday
	month   time.Month
	day     int
	nearest bool
}

// end is the day year y ends on under the rule.
func (r yearRule) end(y int) time.Time {
	last := date(y, r.month+1, 0)
	if !r.nearest {
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(r.weekday) + 7) % 7))
	}
	target := last
	if r.day > 0 {
		target = date(y, r.month, r.day)
	}
	back := (int(target.Weekday()) - int(r.weekday) + 7) % 7
	if back <= 3 {
		return target.AddDate(0, 0, -back)
	}
	return target.AddDate(0, 0, 7-back)
}

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

// yearRulesIn reads the year-end rules that lower-case prose states for
// years ending in month: "the last Friday in September", "the Sunday
// closest to January 31", "the Saturday nearest the end of December". A
// rule for quarters of other months is not the year's.
//
// Every weekday's name ends in "day": one search for it finds them all,
// where a search for each name read the text seven times. The rules come
// in the text's order (the order does not count: keptRule wants one).
func yearRulesIn(low string, month time.Month) []yearRule {
	var out []yearRule
	for from := 0; ; {
		i := strings.Index(low[from:], "day")
		if i < 0 {
			return out
		}
		end := from + i + len("day")
		from = from + i + 1
		name, wd, ok := weekdayEnding(low, end)
		if !ok {
			continue
		}
		at := end - len(name)
		before := strings.Fields(low[max(0, at-100):at])
		if len(before) == 0 || !strings.Contains(low[max(0, at-100):at], "year") {
			continue // a rule of the year, not of a payment date
		}
		after := strings.FieldsFunc(low[end:min(len(low), end+40)], func(r rune) bool { return r == ' ' || r == '\n' || r == ',' || r == '.' })
		if r, ok := readYearRule(before[len(before)-1], after, wd); ok && r.month == month && !hasRule(out, r) {
			out = append(out, r)
		}
	}
}

// weekdayEnding finds the weekday's name, a word of its own, that ends at
// low[:end].
func weekdayEnding(low string, end int) (string, time.Weekday, bool) {
	if end < len(low) && isLetter(low[end]) {
		return "", 0, false
	}
	for name, wd := range weekdays {
		at := end - len(name)
		if at >= 0 && low[at:end] == name && (at == 0 || !isLetter(low[at-1])) {
			return name, wd, true
		}
	}
	return "", 0, false
}

// readYearRule reads the words around a weekday's name as a rule.
func readYearRule(prev string, after []string, wd time.Weekday) (yearRule, bool) {
	r := yearRule{weekday: wd}
	switch {
	case prev == "last" && len(after) >= 2 && (after[0] == "in" || after[0] == "of"):
		after = after[1:]
	case len(after) >= 2 && (after[0] == "nearest" || after[0] == "closest"):
		r.nearest = true
		after = after[1:]
		for len(after) > 1 && (after[0] == "to" || after[0] == "the" || after[0] == "end" || after[0] == "of") {
			after = after[1:]
		}
	default:
		return yearRule{}, false
	}
	m, ok := monthNames[after[0]]
	if !ok {
		return yearRule{}, false
	}
	r.month = m
	if r.nearest && len(after) > 1 {
		if d, err := strconv.Atoi(after[1]); err == nil && d >= 1 && d <= 31 {
			r.day = d
		}
	}
	return r, true
}

func hasRule(rules []yearRule, r yearRule) bool {
	for _, x := range rules {
		if x == r {
			return true
		}
	}
	return false
}

// calendar is the document's fiscal calendar as learned so far: the year
// end, whether years count weeks, and each year end the document dates
// beyond doubt.
func (ctx *docContext) calendar() Calendar {
	c := Calendar{YearEnd: ctx.fye, Weeks: ctx.countsWeeks()}
	if !c.Known() {
		return c
	}
	for y, votes := range ctx.fyVotes {
		if d, ok := ctx.yearEnd(y); ok && len(votes) > 0 {
			if c.Ends == nil {
				c.Ends = map[int]time.Time{}
			}
			c.Ends[y] = d
		}
	}
	return c
}

// countsWeeks reports a 52/53-week calendar: the text says so, or some
// year's end that the document names more than once (or in a header or a
// title) is not a month end. One stray date near a year end is not enough.
func (ctx *docContext) countsWeeks() bool {
	if ctx.weekCalendar {
		return true
	}
	for _, votes := range ctx.fyVotes {
		for d, n := range votes {
			if n >= 2 && !isMonthEnd(d) {
				return true
			}
		}
	}
	return false
}

// indexWord finds word in s at a word boundary, or returns -1.
func indexWord(s, word string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return -1
		}
		at := from + i
		before := at == 0 || !isLetter(s[at-1])
		after := at+len(word) >= len(s) || !isLetter(s[at+len(word)])
		if before && after {
			return at
		}
		from = at + len(word)
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
