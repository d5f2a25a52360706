;; A big br_table: the dispatch loop of a small register machine with 42 opcodes (a
;; 43-way br_table, the default traps), running a 48-instruction hash loop n times. Sixteen
;; i64 registers live at address 0, the program at 1024, 256 i64 data words at 4096. An
;; instruction is a little-endian word [op, a, b, c]: `a`, `b`, `c` name registers, or `c`
;; is an 8-bit immediate, or `b | c << 8` a 16-bit one (jumps: relative, in instructions,
;; from the next). The checksum is r1 at `halt`.
(module
  (memory 1)
  (data (i32.const 1024)
    "\12\01\34\12" ;;  0: r1 = 0x1234
    "\12\0a\37\9e" ;;  1: r10 = 0x9e37
    "\10\0a\0a\10" ;;  2: r10 = r10 << 16
    "\0e\0a\0a\79" ;;  3: r10 = r10 ^ 0x79
    "\03\02\01\0a" ;;  4: loop: r2 = r1 * r10
    "\11\03\02\1d" ;;  5: r3 = r2 >>u 29
    "\06\01\02\03" ;;  6: r1 = r2 ^ r3
    "\01\01\01\00" ;;  7: r1 = r1 + r0
    "\0a\04\01\03" ;;  8: r4 = r1 rotl r3
    "\1f\05\00\00" ;;  9: r5 = data[r0 & 255]
    "\01\05\05\04" ;; 10: r5 = r5 + r4
    "\20\05\00\00" ;; 11: data[r0 & 255] = r5
    "\1c\06\05\00" ;; 12: r6 = popcnt r5
    "\1a\07\04\00" ;; 13: r7 = clz r4
    "\1b\08\02\00" ;; 14: r8 = ctz r2
    "\01\06\06\07" ;; 15: r6 = r6 + r7
    "\02\06\06\08" ;; 16: r6 = r6 - r8
    "\15\09\04\05" ;; 17: r9 = r4 <u r5
    "\23\09\02\00" ;; 18: if r9 == 0 goto else (+2)
    "\0b\01\01\06" ;; 19: r1 = r1 rotr r6
    "\21\00\01\00" ;; 20: goto join (+1)
    "\0e\01\01\5a" ;; 21: else: r1 = r1 ^ 0x5a
    "\04\0b\01\0a" ;; 22: join: r11 = r1 & r10
    "\05\0c\0b\06" ;; 23: r12 = r11 | r6
    "\09\0d\0c\09" ;; 24: r13 = r12 >>s r9
    "\07\0d\0d\09" ;; 25: r13 = r13 << r9
    "\08\0e\02\08" ;; 26: r14 = r2 >>u r8
    "\17\0f\0e\0d" ;; 27: r15 = r14 == r13
    "\16\0f\0d\02" ;; 28: r15 = r13 <s r2
    "\19\0f\0f\03" ;; 29: r15 = max_s(r15, r3)
    "\18\0f\0f\0c" ;; 30: r15 = min_u(r15, r12)
    "\01\01\01\0f" ;; 31: r1 = r1 + r15
    "\1d\0b\01\00" ;; 32: r11 = -r1
    "\1e\0c\0b\00" ;; 33: r12 = ~r11
    "\13\0d\0c\00" ;; 34: r13 = r12
    "\14\0e\0d\00" ;; 35: r14 = r13 == 0
    "\01\01\01\0e" ;; 36: r1 = r1 + r14
    "\0d\02\01\25" ;; 37: r2 = r1 * 37
    "\26\03\02\06" ;; 38: r3 = r2 /u (r6 | 1)
    "\27\04\02\07" ;; 39: r4 = r2 %u (r7 | 1)
    "\01\01\01\03" ;; 40: r1 = r1 + r3
    "\06\01\01\04" ;; 41: r1 = r1 ^ r4
    "\0c\01\01\fd" ;; 42: r1 = r1 + (-3)
    "\0f\05\01\07" ;; 43: r5 = r1 & 7
    "\28\05\02\03" ;; 44: r5 = r5 != 0 ? r2 : r3
    "\06\01\01\05" ;; 45: r1 = r1 ^ r5
    "\29\00\00\00" ;; 46: nop
    "\25\09\00\00" ;; 47: r9 = r9 + 1
    "\01\01\01\09" ;; 48: r1 = r1 + r9
    "\24\00\00\00" ;; 49: r0 = r0 - 1
    "\22\00\d1\ff" ;; 50: if r0 != 0 goto loop
    "\00\00\00\00" ;; 51: halt
  )
  (func (export "interp") (param $n i32) (result i64)
    (local $pc i32) (local $w i32) (local $ra i32) (local $rb i32) (local $rc i32)
    (local $x i64) (local $y i64)
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 128))
    (memory.fill (i32.const 4096) (i32.const 0) (i32.const 2048))
    (i64.store (i32.const 0) (i64.extend_i32_u (local.get $n)))
    (local.set $pc (i32.const 1024))
    (block $halt
      (loop $next
        (local.set $w (i32.load (local.get $pc)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
        (local.set $ra (i32.and (i32.shr_u (local.get $w) (i32.const 5)) (i32.const 0x78)))
        (local.set $rb (i32.and (i32.shr_u (local.get $w) (i32.const 13)) (i32.const 0x78)))
        (local.set $rc (i32.and (i32.shr_u (local.get $w) (i32.const 21)) (i32.const 0x78)))
        block $default
        block $op_nop
        block $op_sel
        block $op_remu
        block $op_divu
        block $op_inc
        block $op_dec
        block $op_jz
        block $op_jnz
        block $op_jmp
        block $op_store
        block $op_load
        block $op_not
        block $op_neg
        block $op_popcnt
        block $op_ctz
        block $op_clz
        block $op_max_s
        block $op_min_u
        block $op_eq
        block $op_lt_s
        block $op_lt_u
        block $op_eqz
        block $op_mov
        block $op_movi
        block $op_shri
        block $op_shli
        block $op_andi
        block $op_xori
        block $op_muli
        block $op_addi
        block $op_rotr
        block $op_rotl
        block $op_shr_s
        block $op_shr_u
        block $op_shl
        block $op_xor
        block $op_or
        block $op_and
        block $op_mul
        block $op_sub
        block $op_add
        block $op_halt
          (br_table $op_halt $op_add $op_sub $op_mul $op_and $op_or $op_xor $op_shl $op_shr_u $op_shr_s $op_rotl $op_rotr $op_addi $op_muli $op_xori $op_andi $op_shli $op_shri $op_movi $op_mov $op_eqz $op_lt_u $op_lt_s $op_eq $op_min_u $op_max_s $op_clz $op_ctz $op_popcnt $op_neg $op_not $op_load $op_store $op_jmp $op_jnz $op_jz $op_dec $op_inc $op_divu $op_remu $op_sel $op_nop $default
            (i32.and (local.get $w) (i32.const 0xff)))
        end ;; halt
        (br $halt)
        end ;; add
        (i64.store (local.get $ra) (i64.add (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; sub
        (i64.store (local.get $ra) (i64.sub (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; mul
        (i64.store (local.get $ra) (i64.mul (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; and
        (i64.store (local.get $ra) (i64.and (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; or
        (i64.store (local.get $ra) (i64.or (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; xor
        (i64.store (local.get $ra) (i64.xor (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; shl
        (i64.store (local.get $ra) (i64.shl (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; shr_u
        (i64.store (local.get $ra) (i64.shr_u (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; shr_s
        (i64.store (local.get $ra) (i64.shr_s (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; rotl
        (i64.store (local.get $ra) (i64.rotl (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; rotr
        (i64.store (local.get $ra) (i64.rotr (i64.load (local.get $rb)) (i64.load (local.get $rc))))
        (br $next)
        end ;; addi
        (i64.store (local.get $ra) (i64.add (i64.load (local.get $rb)) (i64.extend_i32_s (i32.shr_s (local.get $w) (i32.const 24)))))
        (br $next)
        end ;; muli
        (i64.store (local.get $ra) (i64.mul (i64.load (local.get $rb)) (i64.extend_i32_u (i32.shr_u (local.get $w) (i32.const 24)))))
        (br $next)
        end ;; xori
        (i64.store (local.get $ra) (i64.xor (i64.load (local.get $rb)) (i64.extend_i32_u (i32.shr_u (local.get $w) (i32.const 24)))))
        (br $next)
        end ;; andi
        (i64.store (local.get $ra) (i64.and (i64.load (local.get $rb)) (i64.extend_i32_u (i32.shr_u (local.get $w) (i32.const 24)))))
        (br $next)
        end ;; shli
        (i64.store (local.get $ra) (i64.shl (i64.load (local.get $rb)) (i64.extend_i32_u (i32.shr_u (local.get $w) (i32.const 24)))))
        (br $next)
        end ;; shri
        (i64.store (local.get $ra) (i64.shr_u (i64.load (local.get $rb)) (i64.extend_i32_u (i32.shr_u (local.get $w) (i32.const 24)))))
        (br $next)
        end ;; movi
        (i64.store (local.get $ra) (i64.extend_i32_u (i32.shr_u (local.get $w) (i32.const 16))))
        (br $next)
        end ;; mov
        (i64.store (local.get $ra) (i64.load (local.get $rb)))
        (br $next)
        end ;; eqz
        (i64.store (local.get $ra) (i64.extend_i32_u (i64.eqz (i64.load (local.get $rb)))))
        (br $next)
        end ;; lt_u
        (i64.store (local.get $ra) (i64.extend_i32_u (i64.lt_u (i64.load (local.get $rb)) (i64.load (local.get $rc)))))
        (br $next)
        end ;; lt_s
        (i64.store (local.get $ra) (i64.extend_i32_u (i64.lt_s (i64.load (local.get $rb)) (i64.load (local.get $rc)))))
        (br $next)
        end ;; eq
        (i64.store (local.get $ra) (i64.extend_i32_u (i64.eq (i64.load (local.get $rb)) (i64.load (local.get $rc)))))
        (br $next)
        end ;; min_u
        (local.set $x (i64.load (local.get $rb)))
        (local.set $y (i64.load (local.get $rc)))
        (i64.store (local.get $ra) (select (local.get $x) (local.get $y) (i64.lt_u (local.get $x) (local.get $y))))
        (br $next)
        end ;; max_s
        (local.set $x (i64.load (local.get $rb)))
        (local.set $y (i64.load (local.get $rc)))
        (i64.store (local.get $ra) (select (local.get $x) (local.get $y) (i64.gt_s (local.get $x) (local.get $y))))
        (br $next)
        end ;; clz
        (i64.store (local.get $ra) (i64.clz (i64.load (local.get $rb))))
        (br $next)
        end ;; ctz
        (i64.store (local.get $ra) (i64.ctz (i64.load (local.get $rb))))
        (br $next)
        end ;; popcnt
        (i64.store (local.get $ra) (i64.popcnt (i64.load (local.get $rb))))
        (br $next)
        end ;; neg
        (i64.store (local.get $ra) (i64.sub (i64.const 0) (i64.load (local.get $rb))))
        (br $next)
        end ;; not
        (i64.store (local.get $ra) (i64.xor (i64.load (local.get $rb)) (i64.const -1)))
        (br $next)
        end ;; load
        (i64.store (local.get $ra) (i64.load (i32.add (i32.const 4096) (i32.shl (i32.and (i32.wrap_i64 (i64.load (local.get $rb))) (i32.const 255)) (i32.const 3)))))
        (br $next)
        end ;; store
        (i64.store (i32.add (i32.const 4096) (i32.shl (i32.and (i32.wrap_i64 (i64.load (local.get $rb))) (i32.const 255)) (i32.const 3))) (i64.load (local.get $ra)))
        (br $next)
        end ;; jmp
        (local.set $pc (i32.add (local.get $pc) (i32.shl (i32.shr_s (local.get $w) (i32.const 16)) (i32.const 2))))
        (br $next)
        end ;; jnz
        (if (i64.ne (i64.load (local.get $ra)) (i64.const 0)) (then (local.set $pc (i32.add (local.get $pc) (i32.shl (i32.shr_s (local.get $w) (i32.const 16)) (i32.const 2))))))
        (br $next)
        end ;; jz
        (if (i64.eqz (i64.load (local.get $ra))) (then (local.set $pc (i32.add (local.get $pc) (i32.shl (i32.shr_s (local.get $w) (i32.const 16)) (i32.const 2))))))
        (br $next)
        end ;; dec
        (i64.store (local.get $ra) (i64.sub (i64.load (local.get $ra)) (i64.const 1)))
        (br $next)
        end ;; inc
        (i64.store (local.get $ra) (i64.add (i64.load (local.get $ra)) (i64.const 1)))
        (br $next)
        end ;; divu
        (i64.store (local.get $ra) (i64.div_u (i64.load (local.get $rb)) (i64.or (i64.load (local.get $rc)) (i64.const 1))))
        (br $next)
        end ;; remu
        (i64.store (local.get $ra) (i64.rem_u (i64.load (local.get $rb)) (i64.or (i64.load (local.get $rc)) (i64.const 1))))
        (br $next)
        end ;; sel
        (i64.store (local.get $ra) (select (i64.load (local.get $rb)) (i64.load (local.get $rc)) (i64.ne (i64.load (local.get $ra)) (i64.const 0))))
        (br $next)
        end ;; nop
        (br $next)
        end ;; default
        unreachable))
    (i64.load (i32.const 8))))
