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
			name: "a title naming each column's date: a 52/53-week year's end in the next calendar year",
			doc: "                          CONSOLIDATED BALANCE SHEETS\n" +
				"                  AS OF DECEMBER 31, 2000 AND JANUARY 2, 2000\n\n<TABLE>\n" +
				"(DOLLARS IN THOUSANDS)                                   2000          1999\n" +
				"Cash                                                $  125,551    $  126,650\nTotal assets                                        $2,260,179    $1,714,640\n</TABLE>\n",
			want: []string{"at 2000-12-31", "at 2000-01-02"},
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
