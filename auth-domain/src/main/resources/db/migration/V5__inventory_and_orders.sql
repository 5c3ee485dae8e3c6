-- Products a customer can order. Stock can never go below zero, whatever runs against the table.
CREATE TABLE products (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku   VARCHAR(64)   NOT NULL,
    name  VARCHAR(255)  NOT NULL,
    price NUMERIC(12,2) NOT NULL CHECK (price >= 0),
    stock INTEGER       NOT NULL CHECK (stock >= 0)
);

-- "tee-blk-m" and "TEE-BLK-M" would be the same product to anyone reading them.
CREATE UNIQUE INDEX products_sku_unique ON products (lower(sku));

INSERT INTO products (sku, name, price, stock) VALUES
    ('TEE-BLK-M',   'Lanyard T-shirt, black, M',       19.99, 120),
    ('MUG-WHT-330', 'Lanyard mug, white, 330 ml',      12.50,  80),
    ('STK-PACK-10', 'Sticker pack, 10 stickers',        4.00, 500),
    ('HOOD-NVY-L',  'Lanyard hoodie, navy, L',         49.00,  40),
    ('CAP-BLK',     'Lanyard cap, black',              17.95,  60),
    ('LNY-RED',     'Red lanyard with badge clip',      6.50, 200);

-- An order keeps what was bought as it was then: the customer's email and the product's sku, name and price
-- are copied, so history reads the same after the product is renamed or repriced or the customer is deleted.
CREATE TABLE orders (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id    BIGINT        REFERENCES users (id) ON DELETE SET NULL,
    customer_email VARCHAR(255)  NOT NULL,
    product_id     BIGINT        NOT NULL REFERENCES products (id),
    product_sku    VARCHAR(64)   NOT NULL,
    product_name   VARCHAR(255)  NOT NULL,
    unit_price     NUMERIC(12,2) NOT NULL CHECK (unit_price >= 0),
    quantity       INTEGER       NOT NULL CHECK (quantity > 0),
    created_at     TIMESTAMPTZ   NOT NULL
);

-- A customer's orders, newest first; id breaks ties within a microsecond.
CREATE INDEX orders_customer_created_at ON orders (customer_id, created_at DESC, id DESC);
