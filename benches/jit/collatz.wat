;; Integer loops: Collatz trajectories of 1..n in i64 arithmetic (a branch-free step with
;; `select`), with the total number of steps and an FNV-style hash of each step count.
(module
  (func (export "collatz") (param $n i32) (result i64)
    (local $i i32) (local $x i64) (local $steps i32) (local $total i64) (local $h i64)
    (local.set $h (i64.const 0xcbf29ce484222325))
    (local.set $i (i32.const 1))
    (block $done
      (loop $outer
        (br_if $done (i32.gt_u (local.get $i) (local.get $n)))
        (local.set $x (i64.extend_i32_u (local.get $i)))
        (local.set $steps (i32.const 0))
        (block $reached
          (loop $step
            (br_if $reached (i64.le_u (local.get $x) (i64.const 1)))
            (local.set $x
              (select
                (i64.add (i64.mul (local.get $x) (i64.const 3)) (i64.const 1))
                (i64.shr_u (local.get $x) (i64.const 1))
                (i32.wrap_i64 (i64.and (local.get $x) (i64.const 1)))))
            (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
            (br $step)))
        (local.set $total (i64.add (local.get $total) (i64.extend_i32_u (local.get $steps))))
        (local.set $h
          (i64.mul (i64.xor (local.get $h) (i64.extend_i32_u (local.get $steps)))
                   (i64.const 0x100000001b3)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (i64.xor (local.get $total) (i64.rotl (local.get $h) (i64.const 17)))))
