(module
  (func
    i32.const 0
    if
      unreachable
    end
    f32.const nan
    drop
  )
)
