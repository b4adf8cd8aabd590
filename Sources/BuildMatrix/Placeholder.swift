// BuildMatrix
