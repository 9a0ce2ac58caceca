package extract

import (
	"strings"
	"testing"
)

// Column periods of small documents, typed by hand: a period is never
// guessed from a year alone unless the document makes the year's end known.
func TestColumnPeriodsFromTheWholeDocument(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // each column's period, "-" for none
	}{
		{
			name: "period words only in the title",
			doc: "                       CONSOLIDATED STATEMENT OF EARNINGS\n" +
				"                      FOR THE THREE MONTHS ENDED MARCH 31:\n\n" +
				"<TABLE>\n(Dollars in millions)                 1998        1997\n" +
				"Revenue                             $ 7,120     $ 7,761\nNet earnings                          1,328       1,195\n</TABLE>\n",
			want: []string{"3 months to 1998-03-31", "3 months to 1997-03-31"},
		},
		{
			name: "52/53-week years: a year's end only when the text states it",
			doc: "Fiscal 1994 was a 53-week year and ended on December 31, 1994. Fiscal 1993 ended on December 25, 1993.\n\n" +
				"                       CONSOLIDATED STATEMENTS OF INCOME\n" +
				"                       Three years ended December 31, 1994\n<TABLE>\n" +
				"(In millions)                                1994        1993        1992\n" +
				"Net revenues                              $11,521     $ 8,782     $ 5,844\n" +
				"Net income                                  2,288       2,295       1,067\n</TABLE>\n",
			want: []string{"12 months to 1994-12-31", "12 months to 1993-12-25", "-"},
		},
		{
			name: "a month on one row and the day and year on the next",
			doc: "                        CONSOLIDATED BALANCE SHEETS\n<TABLE>\n" +
				"                                     September      December\n" +
				"                                     30, 1998       31, 1997\n" +
				"Cash                                $  903,726    $  954,595\nTotal assets                        $4,255,269    $3,490,109\n</TABLE>\n",
			want: []string{"at 1998-09-30", "at 1997-12-31"},
		},
		{
			name: "a day whose month was never read gives no period",
			doc: "                        CONSOLIDATED BALANCE SHEETS\n<TABLE>\n" +
				"                                     30, 1998       31, 1997\n" +
				"Cash                                $  903,726    $  954,595\nTotal assets                        $4,255,269    $3,490,109\n</TABLE>\n",
			want: []string{"-", "-"},
		},
		{
			name: "a quarter headed by a year alone gets none",
			doc: "                        STATEMENTS OF OPERATIONS\n<TABLE>\n" +
				"                              Three Months Ended\n" +
				"                                1998      1997\n" +
				"Net sales                     $1,601    $2,185\nNet income                       $12       $15\n</TABLE>\n",
			want: []string{"-", "-"},
		},
		{
			name: "a long title at the margin names the statement and its years",
			doc: "Prose of the report ends here.\n\n" +
				"Consolidated statement of cash flows for the years 2001 and 2000\n<TABLE>\n" +
				"                          December 31, 2001     December 31, 2000\n" +
				"Net income                            1,328                 1,195\n" +
				"Total operating activities            2,400                 2,150\n</TABLE>\n",
			want: []string{"12 months to 2001-12-31", "12 months to 2000-12-31"},
		},
		{
			name: "one date over gross, amortization and net columns: only Net reports it",
			doc: "                        Consolidated balance sheets\n<TABLE>\n" +
				"                        December 31, 2001                December 31, 2000\n\n" +
				"              Gross     Amortization        Net                       Net\n" +
				"Goodwill    224,713         (45,775)      178,938                186,100\n" +
				"Total       946,831        (539,393)      407,438                418,897\n</TABLE>\n",
			want: []string{"-", "-", "at 2001-12-31", "at 2000-12-31"},
		},
		{
			name: "quarters under a year's end date get no period but the fourth",
			doc: "                        SELECTED QUARTERLY DATA\n<TABLE>\n" +
				"                             Year Ended September 28, 2001\n" +
				"                       Fourth      Third      Second      First\n" +
				"                       Quarter    Quarter     Quarter    Quarter\n" +
				"Net sales              $1,556     $1,402      $1,405     $1,578\n" +
				"Net income                $10        $12         $14        $15\n</TABLE>\n",
			want: []string{"3 months to 2001-09-28", "-", "-", "-"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := (&Parser{}).Parse(strings.NewReader(tt.doc), "p.txt")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Tables) != 1 {
				t.Fatalf("%d tables", len(f.Tables))
			}
			var got []string
			for _, c := range f.Tables[0].Columns {
				if c.Period.IsZero() {
					got = append(got, "-")
				} else {
					got = append(got, c.Period.String())
				}
			}
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("periods %q, want %q", got, tt.want)
			}
		})
	}
}
