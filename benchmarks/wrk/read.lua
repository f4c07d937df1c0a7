-- GET PATH_TEMPLATE with "{id}" replaced by a random id from the file IDS (one id a line, header "id").
local ids = {}
local template = os.getenv("PATH_TEMPLATE")
local file = os.getenv("IDS")
if file and file ~= "" then
  for line in io.lines(file) do
    if line ~= "id" and line ~= "" then table.insert(ids, line) end
  end
end

request = function()
  local path = template
  if #ids > 0 then
    path = string.gsub(template, "{id}", ids[math.random(#ids)])
  end
  return wrk.format("GET", path, { ["Accept"] = "application/json" })
end
