-- GET one path, optionally with a bearer token.
--   wrk -t1 -cN -dS --latency -s get.lua http://127.0.0.1:PORT -- PATH [TOKEN]
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local req
function init(args)
   local headers = {}
   if args[2] and args[2] ~= "" then headers["Authorization"] = "Bearer " .. args[2] end
   req = wrk.format("GET", args[1], headers)
end

function request()
   return req
end
