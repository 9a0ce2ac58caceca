package workbook

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// The stream writer writes a sheet's header before its rows: it declares
// the used range as A1 whatever the rows hold, and lists the column
// widths in the reverse of the order they were set. Readers that trust
// <dimension> (or want <col> ascending, as the schema does) then see one
// cell and lose the widths. fixWorksheet mends both in the written part.

var (
	reDimension = regexp.MustCompile(`<dimension ref="[^"]*"`)
	reCellTag   = regexp.MustCompile(`<c r="([A-Z]+)([0-9]+)"`)
	reCols      = regexp.MustCompile(`<cols>(.*?)</cols>`)
	reCol       = regexp.MustCompile(`<col min="([0-9]+)"[^>]*/>`)
)

// fixWorksheet declares the sheet's real used range and writes its
// column widths in ascending order.
func fixWorksheet(part []byte) []byte {
	if used := usedRange(part); used != "" {
		part = reDimension.ReplaceAll(part, []byte(`<dimension ref="`+used+`"`))
	}
	return reCols.ReplaceAllFunc(part, sortCols)
}

// usedRange is the range from the top-left to the bottom-right cell the
// sheet holds ("A1:F40"); "" for a sheet with no cells.
func usedRange(part []byte) string {
	minCol, minRow, maxCol, maxRow := 0, 0, 0, 0
	for _, m := range reCellTag.FindAllSubmatch(part, -1) {
		col, err := excelize.ColumnNameToNumber(string(m[1]))
		row, err2 := strconv.Atoi(string(m[2]))
		if err != nil || err2 != nil {
			continue
		}
		if minCol == 0 || col < minCol {
			minCol = col
		}
		if minRow == 0 || row < minRow {
			minRow = row
		}
		maxCol, maxRow = max(maxCol, col), max(maxRow, row)
	}
	if minCol == 0 {
		return ""
	}
	if minCol == maxCol && minRow == maxRow {
		return cellName(minCol, minRow)
	}
	return cellName(minCol, minRow) + ":" + cellName(maxCol, maxRow)
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
