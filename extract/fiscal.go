package extract

import (
	"strings"
	"time"
)

// weekCalendarWords are the phrases by which a document says its fiscal
// years count weeks (52/53-week years) rather than end on a month end.
var weekCalendarWords = []string{"52-week", "53-week", "52 week", "53 week", "fifty-two", "fifty-three",
	"sunday closest", "saturday closest", "friday closest", "sunday nearest", "saturday nearest", "friday nearest",
	"last saturday", "last sunday", "last friday", "weeks ended", "week period"}

// learnCalendar reads from a document's prose how its fiscal years end:
// whether they count weeks, and the exact end of each year the text names
// ("Fiscal 1994 ended on January 30, 1994, fiscal 1993 ended on January
// 31, 1993 ..."). A year named with two different ends is left unknown.
func (ctx *docContext) learnCalendar(text string) {
	low := asciiLower(text) // same byte offsets as text
	for _, w := range weekCalendarWords {
		if strings.Contains(low, w) {
			ctx.weekCalendar = true
			break
		}
	}
	if ctx.fye.IsZero() {
		return
	}
	for from := 0; ; {
		i := indexWord(low[from:], "ended")
		if i < 0 {
			break
		}
		at := from + i
		window := text[at:min(len(text), at+140)]
		for _, m := range reFullDate.FindAllString(window, -1) {
			if d, ok := parseFullDate(m); ok {
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
// as often as any other, or the nominal year end when the years end on a
// month end.
func (ctx *docContext) yearEnd(y int) (time.Time, bool) {
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
	if first > 0 {
		return best, first >= 2*second
	}
	if ctx.fye.IsZero() || ctx.countsWeeks() {
		return time.Time{}, false
	}
	return Calendar{YearEnd: ctx.fye}.NominalEnd(y), true
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
