package extract

import (
	"strconv"
	"strings"
	"time"
)

// fullDateMonths are reFullDate's month names in its order: full names
// first, then the abbreviations a point may follow.
var fullDateMonths = [...]struct {
	name  string
	month time.Month
	point bool // `\.?` may follow
}{
	{"january", 1, false}, {"february", 2, false}, {"march", 3, false}, {"april", 4, false}, {"may", 5, false},
	{"june", 6, false}, {"july", 7, false}, {"august", 8, false}, {"september", 9, false}, {"october", 10, false},
	{"november", 11, false}, {"december", 12, false}, {"jan", 1, true}, {"feb", 2, true}, {"mar", 3, true},
	{"apr", 4, true}, {"jun", 6, true}, {"jul", 7, true}, {"aug", 8, true}, {"sept", 9, true}, {"sep", 9, true},
	{"oct", 10, true}, {"nov", 11, true}, {"dec", 12, true},
}

// fullDate is one match of reFullDate: where it stands and what it says.
type fullDate struct {
	start, end int
	month      time.Month
	day, year  int
}

// fullDatesIn lists the matches of reFullDate in s (FindAllStringIndex)
// with what each says, appending to dst. A text holding a rune the
// expression folds to an ASCII letter is left to the expression.
func fullDatesIn(s string, dst []fullDate) []fullDate {
	if foldsToASCII(s) {
		for _, m := range reFullDate.FindAllStringSubmatchIndex(s, -1) {
			d := fullDate{start: m[0], end: m[1], month: monthNames[strings.TrimSuffix(strings.ToLower(s[m[2]:m[3]]), ".")]}
			d.day, _ = strconv.Atoi(s[m[4]:m[5]])
			d.year, _ = strconv.Atoi(s[m[6]:m[7]])
			dst = append(dst, d)
		}
		return dst
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && reWordByte(s[i-1]) || !reWordByte(s[i]) {
			continue
		}
		if d, ok := fullDateAt(s, i); ok {
			dst = append(dst, d)
			i = d.end - 1
		}
	}
	return dst
}

// fullDateAt reads reFullDate at s[i:], a word's start.
func fullDateAt(s string, i int) (fullDate, bool) {
	for _, m := range fullDateMonths {
		if !litAt(s, i, m.name) {
			continue
		}
		j := i + len(m.name)
		if m.point && j < len(s) && s[j] == '.' {
			j++
		}
		d := fullDate{start: i, month: m.month}
		if dayYearAt(s, j, &d) {
			return d, true
		}
	}
	return fullDate{}, false
}

// dayYearAt reads `\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b` at s[j:].
func dayYearAt(s string, j int, d *fullDate) bool {
	k := skipSpaceRE(s, j)
	if k == j {
		return false
	}
	e := k
	for e < len(s) && e-k < 3 && s[e] >= '0' && s[e] <= '9' {
		e++
	}
	if e == k || e-k > 2 {
		return false
	}
	d.day = int(s[k] - '0')
	if e-k == 2 {
		d.day = d.day*10 + int(s[k+1]-'0')
	}
	if e < len(s) && s[e] == ',' {
		e++
	}
	y := skipSpaceRE(s, e)
	if y == e || !isYearAt(s, y) || y+4 < len(s) && reWordByte(s[y+4]) {
		return false
	}
	d.year = int(s[y]-'0')*1000 + int(s[y+1]-'0')*100 + int(s[y+2]-'0')*10 + int(s[y+3]-'0')
	d.end = y + 4
	return true
}

// date is the day a match names, as parseFullDate reads it: false for a
// day its month does not have, or a month's name it does not know.
func (d fullDate) date() (time.Time, bool) {
	t := date(d.year, d.month, d.day)
	if d.month == 0 || t.Month() != d.month {
		return time.Time{}, false
	}
	return t, true
}
