package workbook

import "hash/crc32"

// crc32Combine is the CRC-32 (IEEE) of A followed by B, from A's CRC,
// B's CRC and B's length: a worksheet's rows are compressed, and their
// CRC taken, before the head that precedes them in the part is known.
//
// Appending n zero bits to a message is linear over GF(2), so it is a
// 32x32 bit matrix applied to A's CRC; the matrix for n bits is built by
// squaring the one for a single zero bit (the polynomial's shift), as
// zlib does.
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	if lenB <= 0 {
		return crcA
	}
	var odd, even gf2Matrix
	odd[0] = crc32.IEEE // one zero bit: shift right, folding in the polynomial
	for n, bit := 1, uint32(1); n < 32; n, bit = n+1, bit<<1 {
		odd[n] = bit
	}
	even.square(&odd) // two zero bits
	odd.square(&even) // four
	// Apply the operators for each one bit of lenB, in bytes (eight
	// zero bits first).
	for {
		even.square(&odd)
		if lenB&1 != 0 {
			crcA = even.times(crcA)
		}
		if lenB >>= 1; lenB == 0 {
			break
		}
		odd.square(&even)
		if lenB&1 != 0 {
			crcA = odd.times(crcA)
		}
		if lenB >>= 1; lenB == 0 {
			break
		}
	}
	return crcA ^ crcB
}

// gf2Matrix is a 32x32 bit matrix over GF(2), a column per word.
type gf2Matrix [32]uint32

// times is the matrix applied to the vector v.
func (m *gf2Matrix) times(v uint32) uint32 {
	var sum uint32
	for i := 0; v != 0; i, v = i+1, v>>1 {
		if v&1 != 0 {
			sum ^= m[i]
		}
	}
	return sum
}

// square sets m to a times a.
func (m *gf2Matrix) square(a *gf2Matrix) {
	for n := range m {
		m[n] = a.times(a[n])
	}
}
