package workbook

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
)

// The stream writer writes a sheet's header before its rows: it declares
// the used range as A1 whatever the rows hold, and lists the column
// widths in the reverse of the order they were set. Readers that trust
// <dimension> (or want <col> ascending, as the schema does) then see one
// cell and lose the widths. fixSheetHead mends both in the written part.

var (
	reDimension = regexp.MustCompile(`<dimension ref="[^"]*"`)
	reCols      = regexp.MustCompile(`<cols>(.*?)</cols>`)
	reCol       = regexp.MustCompile(`<col min="([0-9]+)"[^>]*/>`)
)

// fixSheetHead declares, in a worksheet's head (everything before its
// rows), the sheet's real used range (kept as its rows were written),
// and writes its column widths in ascending order.
func fixSheetHead(head []byte, used string) []byte {
	if used != "" {
		head = reDimension.ReplaceAll(head, []byte(`<dimension ref="`+used+`"`))
	}
	return reCols.ReplaceAllFunc(head, sortCols)
}

// sortCols orders the <col> entries of a <cols> element by column.
func sortCols(cols []byte) []byte {
	entries := reCol.FindAllSubmatch(cols, -1)
	sort.SliceStable(entries, func(i, j int) bool {
		a, _ := strconv.Atoi(string(entries[i][1]))
		b, _ := strconv.Atoi(string(entries[j][1]))
		return a < b
	})
	var out bytes.Buffer
	out.WriteString("<cols>")
	for _, e := range entries {
		out.Write(e[0])
	}
	out.WriteString("</cols>")
	return out.Bytes()
}
