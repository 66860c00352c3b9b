import { describe, expect, it } from 'vitest';
import { bodyImageProblem } from '../../src/lib/body-images.ts';

describe('bodyImageProblem', () => {
  it('keeps full https:// addresses, on any host', () => {
    expect(
      [
        'https://baolamdong.vn/anh/hoa.jpg',
        ' HTTPS://anh.example/Đà Lạt.jpg ',
        'https://thu-nghiem.example/anh/a-800.avif',
      ].map(bodyImageProblem),
    ).toEqual([undefined, undefined, undefined]);
  });

  it('refuses paths on the site, other schemes and incomplete addresses, saying why', () => {
    expect(
      Object.fromEntries(
        [
          'images/hoa.jpg',
          '/images/hoa.jpg',
          '../anh/hoa.jpg',
          '#muc',
          '',
          'http://baolamdong.vn/hoa.jpg',
          '//cdn.example/hoa.jpg',
          'data:image/png;base64,AAAA',
          'javascript:alert(1)',
          'file:///C:/anh/hoa.jpg',
          'C:\\Users\\pv\\hoa.jpg',
          'https://',
        ].map((url) => [url, bodyImageProblem(url)]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "": {
          "local": false,
          "message": "ảnh không có địa chỉ",
        },
        "#muc": {
          "local": true,
          "message": "ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện",
        },
        "../anh/hoa.jpg": {
          "local": true,
          "message": "ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện",
        },
        "//cdn.example/hoa.jpg": {
          "local": false,
          "message": "địa chỉ ảnh thiếu "https:" ở đầu",
        },
        "/images/hoa.jpg": {
          "local": true,
          "message": "ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện",
        },
        "C:\\Users\\pv\\hoa.jpg": {
          "local": false,
          "message": "ảnh là một tệp trên máy tính của người viết: trang không lấy được tệp này",
        },
        "data:image/png;base64,AAAA": {
          "local": false,
          "message": "ảnh nhúng dạng data: không được đăng",
        },
        "file:///C:/anh/hoa.jpg": {
          "local": false,
          "message": "ảnh là một tệp trên máy tính của người viết: trang không lấy được tệp này",
        },
        "http://baolamdong.vn/hoa.jpg": {
          "local": false,
          "message": "địa chỉ ảnh http:// bị trình duyệt chặn trên trang https",
        },
        "https://": {
          "local": false,
          "message": "địa chỉ ảnh không đọc được",
        },
        "images/hoa.jpg": {
          "local": true,
          "message": "ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện",
        },
        "javascript:alert(1)": {
          "local": false,
          "message": "địa chỉ ảnh dạng javascript: không hiện được trên trang",
        },
      }
    `);
  });
});
