;; LEB128 at its edges, under Wasm 2.0 and 3.0 alike: the longest encodings, redundant
;; padding, the extreme values, and one byte too many or one bit too high.

(module binary
  "\00asm" "\01\00\00\00"
  "\01\8d\80\80\80\00"                   ;; type section, size 13 in five bytes
  "\82\80\80\80\00"                      ;; 2 types, in five bytes
  "\60\00\01\7f"                         ;; 0: (func (result i32))
  "\60\00\01\7e"                         ;; 1: (func (result i64))
  "\03\0e\89\80\80\80\00"                ;; function section: 9 functions, in five bytes
  "\00\00\00\01\01\01\00\00\00"
  "\05\07\01\00\81\80\80\80\00"          ;; memory section: (memory 1), minimum in five bytes
  "\07\50\09"                            ;; export section: 9 exports
  "\07i32-min\00\00"
  "\06i32-m1\00\01"
  "\05i32-0\00\02"
  "\07i64-min\00\03"
  "\07i64-max\00\04"
  "\06i64-m1\00\05"
  "\05local\00\06"
  "\04load\00\07"
  "\05block\00\08"
  "\0a\71\09"                            ;; code section: 9 bodies
  "\08\00\41\80\80\80\80\78\0b"          ;; i32.const -2^31
  "\08\00\41\ff\ff\ff\ff\7f\0b"          ;; i32.const -1, in five bytes
  "\08\00\41\80\80\80\80\00\0b"          ;; i32.const 0, in five bytes
  "\0d\00\42\80\80\80\80\80\80\80\80\80\7f\0b"  ;; i64.const -2^63
  "\0d\00\42\ff\ff\ff\ff\ff\ff\ff\ff\ff\00\0b"  ;; i64.const 2^63-1
  "\0d\00\42\ff\ff\ff\ff\ff\ff\ff\ff\ff\7f\0b"  ;; i64.const -1, in ten bytes
  "\0e\01\81\80\80\80\00\7f"             ;; 1 local i32, the count in five bytes
  "\20\80\80\80\80\00\0b"                ;; local.get 0, the index in five bytes
  "\0f\00\41\00"                         ;; i32.const 0
  "\28\82\80\80\80\00\80\80\80\80\00"    ;; i32.load align=4 offset=0, both in five bytes
  "\0b"
  "\0b\00\02\80\80\80\80\00"             ;; block (type 0), the index as an s33 in five bytes
  "\41\01\0b\0b"                         ;; i32.const 1, end, end
  "\0b\0a\01"                            ;; data section: 1 segment
  "\00\41\00\0b\04\2a\00\00\00"          ;; 42 at address 0
)

(assert_return (invoke "i32-min") (i32.const -2147483648))
(assert_return (invoke "i32-m1") (i32.const -1))
(assert_return (invoke "i32-0") (i32.const 0))
(assert_return (invoke "i64-min") (i64.const -9223372036854775808))
(assert_return (invoke "i64-max") (i64.const 9223372036854775807))
(assert_return (invoke "i64-m1") (i64.const -1))
(assert_return (invoke "local") (i32.const 0))
(assert_return (invoke "load") (i32.const 42))
(assert_return (invoke "block") (i32.const 1))

;; The fifth byte of an s32 must sign-extend its bit 3: 0x70 does not.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\60\00\01\7f"              ;; type section: (func (result i32))
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0a\01\08\00"                    ;; code section: 1 body of 8 bytes, no locals
    "\41\80\80\80\80\70"                 ;; i32.const, fifth byte at 29
    "\0b"
  )
  "integer too large"  ;; error at byte 29
)

;; Nor does 0x0f, a positive number with bit 3 set.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\60\00\01\7f"              ;; type section: (func (result i32))
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0a\01\08\00"                    ;; code section: 1 body of 8 bytes, no locals
    "\41\ff\ff\ff\ff\0f"                 ;; i32.const, fifth byte at 29
    "\0b"
  )
  "integer too large"  ;; error at byte 29
)

;; An s32 of six bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\60\00\01\7f"              ;; type section: (func (result i32))
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0b\01\09\00"                    ;; code section: 1 body of 9 bytes, no locals
    "\41\80\80\80\80\80\00"              ;; i32.const 0 in six bytes, the last at 30
    "\0b"
  )
  "integer representation too long"  ;; error at byte 30
)

;; The tenth byte of an s64 holds only the sign: 0x01 is not.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\60\00\01\7e"              ;; type section: (func (result i64))
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0f\01\0d\00"                    ;; code section: 1 body of 13 bytes, no locals
    "\42\80\80\80\80\80\80\80\80\80\01"  ;; i64.const, tenth byte at 34
    "\0b"
  )
  "integer too large"  ;; error at byte 34
)

;; An s64 of eleven bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\60\00\01\7e"              ;; type section: (func (result i64))
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\10\01\0e\00"                    ;; code section: 1 body of 14 bytes, no locals
    "\42\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\7f"  ;; i64.const -1 in eleven bytes, the last at 35
    "\0b"
  )
  "integer representation too long"  ;; error at byte 35
)

;; A u32 index whose fifth byte sets bit 32.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\60\00\01\7f"              ;; type section: (func (result i32))
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0c\01\0a\01\01\7f"              ;; code section: 1 body of 10 bytes, 1 local i32
    "\20\80\80\80\80\10"                 ;; local.get, fifth byte at 31
    "\0b"
  )
  "integer too large"  ;; error at byte 31
)

;; A u32 of six bytes.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\60\00\01\7f"              ;; type section: (func (result i32))
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\0d\01\0b\01\01\7f"              ;; code section: 1 body of 11 bytes, 1 local i32
    "\20\80\80\80\80\80\00"              ;; local.get 0 in six bytes, the last at 32
    "\0b"
  )
  "integer representation too long"  ;; error at byte 32
)

;; A LEB128 number that the module's end cuts short.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\05\01\60\00\01\7f"              ;; type section: (func (result i32))
    "\03\02\01\00"                       ;; function section: 1 function
    "\0a\07\01\05\00"                    ;; code section: 1 body of 5 bytes, no locals
    "\41\80\80"                          ;; i32.const, and the bytes end (at 27)
  )
  "unexpected end"  ;; error at byte 27
)
