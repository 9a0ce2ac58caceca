package extract

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fullDatesRef is fullDates as it was, by the expression and its
// submatches.
func fullDatesRef(s string) []time.Time {
	var out []time.Time
	for _, m := range reFullDate.FindAllStringSubmatch(s, -1) {
		mon := monthNames[strings.TrimSuffix(strings.ToLower(m[1]), ".")]
		day, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if d := date(year, mon, day); mon != 0 && d.Month() == mon {
			out = append(out, d)
		}
	}
	return out
}

var fullDateCases = []string{
	"June 30, 1998", "Sept. 30, 1998 and Sept 30, 1997", "Sep. 5 1999", "May. 5, 1999", "May 5,1999", "May 5 ,1999",
	"March 31, 1998 March 31, 1997", "Mar. 1, 2001", "Mar.1, 2001", "xMarch 1, 2001", "March 1, 20011", "March 1, 2001x",
	"March 1, 2001_", "March 123, 2001", "March 12, 2101", "February 30, 1999", "June 0, 1999", "Dec 31, 1999Jan 1, 2000",
	"Auguſt 31, 1999", "Auguſt 31, 1999 and August 31, 1998", "Sept\t30,\n1998", "for the period from May 1, 1998 through December 31, 1998",
	"from June 3, 1996 (inception) to December 31, 1996", "é June 3, 1996", "June 3, 1996é", "JANUARY 1, 1950", "jan.\f2, 2000",
	"March 31, 2004", "March 31 , 2004", "ended Sept. 30, 1998 and Sept 30 1997", "SEP. 3,\t2003", "sep.30, 2003", "June 30, 20045",
	"June 301, 2004", "Jun. 30, 2004", "June. 30, 2004", "May. 5, 2004", "may 5, 2004x", "xMay 5, 2004", "_May 5, 2004", "5May 5, 2004",
	"é May 5, 2004", "Dec 31,, 2004", "Dec 31,2004", "Dec 31 2004 Jan 1 2005", "January 1, 1899", "January 1, 2104", "Auguſt 5, 2004",
	"aug 5, 2004 \u212a", "Sept. 30, 2003March 31, 2004", "Jan 1, 2004_", "Jan 1, 2004é", "Mar\v5, 2004", "Mar 5,\n2004", "december",
	"December 31, 20", "Feb 29, 2003",
}

func checkFullDates(t *testing.T, s string) {
	t.Helper()
	var got [][]int
	for _, d := range fullDatesIn(s, nil) {
		got = append(got, []int{d.start, d.end})
	}
	if want := reFullDate.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("fullDatesIn(%q) stands at %v, the expression's matches at %v", s, got, want)
	}
	if got, want := fullDates(s), fullDatesRef(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("fullDates(%q) = %v, the reference %v", s, got, want)
	}
}

// The date scanner finds the expression's matches, and the days
// parseFullDate reads in them, on every corpus line.
func TestFullDatesAsReference(t *testing.T) {
	if ds := fullDates("Sept. 30, 1998 and June 31, 1998 and June 30, 1997"); len(ds) != 2 || ds[1].Year() != 1997 {
		t.Fatal("the dates must be read", ds)
	}
	texts := append(fullDateCases, referenceTexts(t)...)
	for _, name := range corpusFilesIfAny(t, "text") {
		raw, _ := readFileT(name)
		texts = append(texts, strings.Join(strings.Fields(string(raw)), " ")) // dates across lines, as joined prose holds them
	}
	for _, s := range texts {
		checkFullDates(t, s)
	}
}

func FuzzFullDatesAsReference(f *testing.F) {
	for _, s := range fullDateCases {
		f.Add(s)
	}
	f.Fuzz(checkFullDates)
}
