;; Wasm 3.0 only (--spec 3.0): malformed encodings of what 3.0 added. Under 2.0 the same
;; bytes are malformed too, for other reasons (see malformed-2.0.wast).

;; Bit 1 of the limits flags (shared memories, not in 3.0).
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\05\03\01"                ;; memory section: 1 memory
    "\02\00"                   ;; flags 2 (byte 11), minimum 0
  )
  "malformed limits flags"  ;; error at byte 11
)

;; The flags are a byte, not a LEB128 number.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\06\01"                ;; table section: 1 table
    "\70\81\00\00\00"          ;; funcref, flags 0x81 (byte 12)
  )
  "malformed limits flags"  ;; error at byte 12
)

;; A tag type starts with a zero byte.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\0d\03\01"                ;; tag section: 1 tag
    "\01\00"                   ;; 1 (byte 17), type 0
  )
  "zero byte expected"  ;; error at byte 17
)

;; ref.null of heap type 0x40, a negative s33 that is no abstract heap type.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\d0\40"                   ;; ref.null 0x40 (byte 24)
    "\1a\0b"                   ;; drop, end
  )
  "malformed heap type"  ;; error at byte 24
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01"                ;; type section: 1 type
    "\5e\76\00"                ;; (array (field 0x76)), 0x76 at byte 12
  )
  "malformed storage type"  ;; error at byte 12
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\02\01"                ;; type section: 1 type
    "\5d"                      ;; composite type 0x5D (byte 11)
  )
  "malformed definition type"  ;; error at byte 11
)

;; A type constructor with a continuation bit, as the reference interpreter reads it.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01"                ;; type section: 1 type
    "\e0\7f\00\00"             ;; 0x60 with a continuation bit, its second byte at 12
  )
  "integer representation too long"  ;; error at byte 12
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\0b\01\09\00"          ;; code section: 1 body of 9 bytes, no locals
    "\1f\40\01"                ;; try_table, 1 catch clause
    "\04\00\00"                ;; clause kind 4 (byte 26)
    "\0b\0b"                   ;; end, end
  )
  "malformed catch clause"  ;; error at byte 26
)

(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\0d\01\0b\00"          ;; code section: 1 body of 11 bytes, no locals
    "\d0\6e"                   ;; ref.null any
    "\fb\18\04\00\6e\6e"       ;; br_on_cast, flags 4 (byte 27), label 0, any, any
    "\1a\0b"                   ;; drop, end
  )
  "malformed br_on_cast flags"  ;; error at byte 27
)

;; 0xFB 31, one past i31.get_u.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\06\01\04\00"          ;; code section: 1 body of 4 bytes, no locals
    "\fb\1f"                   ;; (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

;; 0xFC 18, one past table.fill.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\06\01\04\00"          ;; code section: 1 body of 4 bytes, no locals
    "\fc\12"                   ;; (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

;; 0xFD 276, one past i32x4.relaxed_dot_i8x16_i7x16_add_s.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\fd\94\02"                ;; (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

;; 0xFD 154, a gap among the SIMD opcodes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\fd\9a\01"                ;; (byte 23)
    "\0b"                      ;; end
  )
  "illegal opcode"  ;; error at byte 23
)

;; A memory index after flags whose bit 6 is set, but the bytes end.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\05\03\01\00\01"          ;; memory section: (memory 1)
    "\0a\07\01\05\00"          ;; code section: 1 body of 5 bytes, no locals
    "\41\00\28\40"             ;; i32.const 0, i32.load with a memory index to come
  )
  "unexpected end of section or function"  ;; error at byte 32
)

;; A 64-bit offset of eleven bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: (func)
    "\03\02\01\00"             ;; function section: 1 function
    "\05\04\01\05\00\01"       ;; memory section: (memory i64 0 1)
    "\0a\14\01\12\00"          ;; code section: 1 body of 18 bytes, no locals
    "\42\00\28\00"             ;; i64.const 0, i32.load, flags 0
    "\80\80\80\80\80\80\80\80\80\80\00"  ;; offset 0 in eleven bytes (the last at byte 43)
    "\1a\0b"                   ;; drop, end
  )
  "integer representation too long"  ;; error at byte 43
)

;; A table whose initialiser expression does not end.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\04\08\01"                ;; table section: 1 table
    "\40\00\70\00\01"          ;; 0x40 0x00, funcref, minimum 1
    "\d0\70"                   ;; ref.null func, and no end
  )
  "unexpected end of section or function"  ;; error at byte 18
)
